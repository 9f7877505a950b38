import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalysis, explainNumbers } from '../../src/lib/core/analyze.ts';
import {
  add,
  div,
  evaluate,
  mul,
  sub,
  term,
  termValues,
  type Explanation,
  type Formula,
  type Term,
} from '../../src/lib/core/explain/index.ts';
import { makeExplanation } from '../../src/lib/core/metrics/explain-helpers.ts';
import { calculator, datasetMetrics } from '../../src/lib/core/metrics/registry.ts';
import { epochDay } from '../../src/lib/core/model/days.ts';
import { customPeriod, listPeriods } from '../../src/lib/core/model/periods.ts';
import {
  churnConvention,
  definitionLines,
  formulaInSymbols,
  formulaTokens,
  formulaWithNumbers,
  metricDescription,
  metricMessages,
  metricName,
  noteLines,
  periodName,
  resultText,
  stepLines,
  termName,
  termSymbol,
  tokensText,
} from '../../src/lib/i18n/explain-text.ts';
import { formatNumber, formatPercentUpTo, languages } from '../../src/lib/i18n/format.ts';
import {
  churnConventions,
  isTermSymbol,
  metricIds,
  noteCodes,
  termSymbols,
  type NoteParams,
} from '../../src/lib/i18n/metric-messages.ts';
import {
  churnTableDataset,
  listsDataset,
  ordersDataset,
  subscriptionsDataset,
} from '../core/metrics/make-dataset.ts';
import { randomDataset } from '../core/metrics/random-dataset.ts';

/** Thin space, as en-GB puts around the dash of a day range ("1 – 31 March"). */
const thin = '\u2009';
/** No-break space, as nl-NL puts after the euro sign ("€ 12,50"). */
const nbsp = '\u00a0';

describe('the worked examples of METRICS.md §4', () => {
  const example1 = explainNumbers({ S: 200, E: 240, N: 50 });
  const example2 = explainNumbers({ S: 440, E: 430, N: 120 });

  it('writes the formula as the articles do', () => {
    for (const language of languages) {
      expect(formulaInSymbols(example1, language)).toBe('CRR = ((E − N) ÷ S) × 100');
    }
  });

  it('substitutes the numbers, with the result formatted for the language', () => {
    expect(formulaWithNumbers(example1, 'nl')).toBe('((240 − 50) ÷ 200) × 100 = 95%');
    expect(formulaWithNumbers(example1, 'en')).toBe('((240 − 50) ÷ 200) × 100 = 95%');
    expect(formulaWithNumbers(example2, 'nl')).toBe('((430 − 120) ÷ 440) × 100 ≈ 70,45%');
    expect(formulaWithNumbers(example2, 'en')).toBe('((430 − 120) ÷ 440) × 100 ≈ 70.45%');
  });

  it('shows each step, with ≈ where the shown number is rounded', () => {
    expect(stepLines(example1, 'nl')).toEqual([
      '240 − 50 = 190',
      '190 ÷ 200 = 0,95',
      '0,95 × 100 = 95%',
    ]);
    expect(stepLines(example2, 'en')).toEqual([
      '430 − 120 = 310',
      '310 ÷ 440 ≈ 0.7045',
      '0.7045 × 100 ≈ 70.45%',
    ]);
  });

  it('renders the calculator presets (S, N and lost) as the articles do, E formed first', () => {
    const [first, second] = calculator.presets.map((p) => explainNumbers(p));
    expect(formulaInSymbols(first, 'nl')).toBe('CRR = ((E − N) ÷ S) × 100');
    expect(formulaWithNumbers(first, 'nl')).toBe('((240 − 50) ÷ 200) × 100 = 95%');
    expect(formulaWithNumbers(second, 'en')).toBe('((430 − 120) ÷ 440) × 100 ≈ 70.45%');
    expect(stepLines(first, 'nl')).toEqual([
      '240 − 50 = 190',
      '190 ÷ 200 = 0,95',
      '0,95 × 100 = 95%',
    ]);
    expect(stepLines(second, 'en')).toEqual([
      '430 − 120 = 310',
      '310 ÷ 440 ≈ 0.7045',
      '0.7045 × 100 ≈ 70.45%',
    ]);
    expect(noteLines(first, 'nl').map((note) => note.text)).toEqual([
      'Het aantal klanten aan het eind is begin − vertrokken + nieuw: E = S − vertrokken + N = 240.',
    ]);
  });

  it('shows the number evaluate() gives, for any S, E and N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...languages),
        (S, E, N, language) => {
          const e = explainNumbers({ S, E, N });
          const value = evaluate(e.formula, termValues(e.terms));
          const shown =
            value === null
              ? metricMessages(language).formula.noValue
              : formatPercentUpTo(language, value);
          const n = (x: number) => formatNumber(language, x);
          // "≈" exactly when the shown percentage had to be rounded.
          const scaled = (value ?? 0) * 10000;
          const exact =
            Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
          expect(formulaWithNumbers(e, language)).toBe(
            `((${n(E)} − ${n(N)}) ÷ ${n(S)}) × 100 ${exact ? '=' : '≈'} ${shown}`,
          );
          expect(resultText(e, language)).toBe(shown);
          const lines = stepLines(e, language);
          expect(lines[lines.length - 1].endsWith(shown)).toBe(true);
          expect(lines.join(' ')).not.toMatch(/NaN|Infinity|undefined|null/);
        },
      ),
    );
  });

  it('says there is no result when S = 0', () => {
    const e = explainNumbers({ S: 0, E: 3, N: 3 });
    expect(formulaWithNumbers(e, 'nl')).toBe('((3 − 3) ÷ 0) × 100 = geen uitkomst');
    expect(stepLines(e, 'en')).toEqual(['3 − 3 = 0', '0 ÷ 0 = no result']);
    expect(noteLines(e, 'en').map((n) => n.text)).toEqual([
      'There were no customers at the start of this period (S = 0), so there is no rate.',
    ]);
  });
});

describe('the churn conventions table of METRICS.md §4', () => {
  const analysis = createAnalysis(churnTableDataset(), { unit: 'month' });
  const march = analysis.report.periods.findIndex((p) => p.period === '2024-03');
  const explain = (id: Parameters<typeof analysis.explain>[0]): Explanation => {
    const e = analysis.explain(id, march);
    if (e === null) throw new Error(`no explanation for ${id}`);
    return e;
  };
  const ids = {
    ours: 'churn-rate',
    stripe: 'churn-rate-stripe',
    baremetrics: 'churn-rate-baremetrics',
  } as const;
  const table = (language: 'nl' | 'en') =>
    churnConventions.map((c) => {
      const { name, formula } = churnConvention(c, language);
      return [name, formula, formulaWithNumbers(explain(ids[c]), language)];
    });

  it('gives 5.0 %, 5.2 % and 6.5 % (CRR 93.5 %) in English', () => {
    expect(table('en')).toEqual([
      [
        'Ours (as ChartMogul)',
        'lost customers of the start ÷ customers at the start',
        '(10 ÷ 200) × 100 = 5%',
      ],
      [
        'Stripe',
        'all lost customers ÷ (customers at the start + new customers)',
        '((10 + 3) ÷ (200 + 50)) × 100 = 5.2%',
      ],
      [
        'Baremetrics (and 100% − CRR)',
        'all lost customers ÷ customers at the start',
        '((10 + 3) ÷ 200) × 100 = 6.5%',
      ],
    ]);
    expect(formulaWithNumbers(explain('retention-rate'), 'en')).toBe(
      '((237 − 50) ÷ 200) × 100 = 93.5%',
    );
  });

  it('gives the same table in Dutch', () => {
    expect(table('nl')).toEqual([
      [
        'Onze berekening (zoals ChartMogul)',
        'verloren klanten van het begin ÷ klanten aan het begin',
        '(10 ÷ 200) × 100 = 5%',
      ],
      [
        'Stripe',
        'alle verloren klanten ÷ (klanten aan het begin + nieuwe klanten)',
        '((10 + 3) ÷ (200 + 50)) × 100 = 5,2%',
      ],
      [
        'Baremetrics (en 100% − CRR)',
        'alle verloren klanten ÷ klanten aan het begin',
        '((10 + 3) ÷ 200) × 100 = 6,5%',
      ],
    ]);
    expect(formulaInSymbols(explain('churn-rate-stripe'), 'nl')).toBe(
      'klantverloop (Stripe) = ((verloren + nieuw-verloren) ÷ (S + N)) × 100',
    );
    expect(stepLines(explain('churn-rate-stripe'), 'nl')).toEqual([
      '10 + 3 = 13',
      '200 + 50 = 250',
      '13 ÷ 250 = 0,052',
      '0,052 × 100 = 5,2%',
    ]);
  });

  it('explains the retention of March: definitions and notes', () => {
    const crr = explain('retention-rate');
    expect(definitionLines(crr, 'nl')).toEqual([
      'Berekend uit je abonnementen of ledenlijst.',
      'Periode: maart 2024 (1–31 maart)',
      'S telt de klanten op 29 februari 2024, de dag vóór de periode; E telt de klanten op 31 maart 2024, de laatste dag.',
      'Een klant telt als actief van de startdatum tot de einddatum; zonder einddatum loopt het abonnement nog.',
    ]);
    expect(definitionLines(crr, 'en')[1]).toBe(`Period: March 2024 (1${thin}–${thin}31 March)`);
    const notes = noteLines(crr, 'nl');
    expect(notes.map((n) => n.text)).toEqual([
      '3 klanten kwamen er in maart 2024 bij en waren aan het eind alweer weg: de formule telt ze als verloren klanten van het begin. Je ziet ze hieronder.',
      'De CRR-formule komt 1,5 procentpunt lager uit dan de exacte retentie, die alleen telt hoeveel klanten van het begin aan het eind nog klant zijn.',
    ]);
    expect(notes[0].customers).toEqual(crr.terms.joinedAndLeft.customers);
    expect(notes[0].customers).toHaveLength(3);
    expect(notes[1].customers).toBeNull();
    expect(noteLines(explain('churn-rate-stripe'), 'en')[0].text).toBe(
      '3 customers joined in March 2024 and were gone again by its end: this convention counts them as lost customers; ours does not, as they were not customers at the start. They are listed below.',
    );
  });
});

describe('orders: the activity window and reactivated customers', () => {
  // W = 30. March 2024: S = {b}; a comes back after 64 days, z is new, b buys again: E = 3, N = 1,
  // so CRR = (3 − 1) ÷ 1 = 200 %.
  const analysis = createAnalysis(
    ordersDataset([
      { customer: 'a', day: '2024-01-10' },
      { customer: 'a', day: '2024-03-15' },
      { customer: 'b', day: '2024-02-20' },
      { customer: 'b', day: '2024-03-21' },
      { customer: 'z', day: '2024-03-31' },
    ]),
    { unit: 'month', windowDays: 30 },
  );
  const crr = analysis.explain('retention-rate', 2) as Explanation;

  it('says the CRR is above 100 % and names who came back', () => {
    expect(formulaWithNumbers(crr, 'nl')).toBe('((3 − 1) ÷ 1) × 100 = 200%');
    const [note] = noteLines(crr, 'nl');
    expect(note).toEqual({
      code: 'reactivated-above-100',
      text: 'De CRR komt boven 100% uit: 1 klant kocht weer na meer dan 30 dagen zonder aankoop. Die telt mee in E, maar niet in S of N. Je ziet deze klant hieronder.',
      customers: [0],
    });
    expect(noteLines(crr, 'en')[0].text).toBe(
      'The CRR is above 100%: 1 customer bought again after more than 30 days without a purchase. They count in E, but in neither S nor N. This customer is listed below.',
    );
  });

  it('states W and the refunds rule', () => {
    expect(definitionLines(crr, 'nl').slice(3)).toEqual([
      'Een klant die 30 dagen niets koopt, telt als verloren.',
      'Terugbetalingen (negatieve bedragen) tellen niet als aankoop en gaan van de omzet af.',
    ]);
    expect(definitionLines(crr, 'en').slice(3)).toEqual([
      'A customer who has not bought for 30 days counts as lost.',
      'Refunds (negative amounts) are not purchases and are taken off the revenue.',
    ]);
    const yearly = createAnalysis(ordersDataset([{ customer: 'a', day: '2011-03-05' }]), {
      unit: 'month',
      refunds: 'ignore',
    }).explain('retention-rate', 0) as Explanation;
    expect(definitionLines(yearly, 'nl')).toContain(
      'Een klant die 365 dagen niets koopt, telt als verloren.',
    );
    expect(definitionLines(yearly, 'en')).toContain(
      'A customer who has not bought for 365 days counts as lost.',
    );
    expect(definitionLines(yearly, 'en')).toContain(
      'Refunds (negative amounts) are not purchases and are left out of the revenue.',
    );
  });

  it('leaves W out where it does not matter (repeat purchases)', () => {
    const repeat = analysis.explain('repeat-within-30', 0) as Explanation;
    expect(formulaInSymbols(repeat, 'nl')).toBe('binnen 30 dagen = (herhaald ÷ gevolgd) × 100');
    expect(definitionLines(repeat, 'nl').join(' ')).not.toContain('dagen niets koopt');
    expect(noteLines(repeat, 'nl').map((n) => n.text)).toEqual([
      '1 klant kocht voor het eerst minder dan 30 dagen voor het eind van je gegevens. Of die binnen 30 dagen opnieuw koopt, is nog niet te zien, dus die telt niet mee.',
    ]);
  });
});

describe('two lists', () => {
  it('names the comparison instead of a calendar period', () => {
    const analysis = createAnalysis(listsDataset(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'e']), {
      unit: 'month',
    });
    const e = analysis.explain('two-lists', 0) as Explanation;
    expect(formulaWithNumbers(e, 'en')).toBe('((4 − 1) ÷ 4) × 100 = 75%');
    expect(definitionLines(e, 'nl')).toEqual([
      'Berekend uit twee klantenlijsten: een van het begin en een van het eind.',
      'Wie op de eerste lijst staat, telt als klant aan het begin; wie op de tweede lijst staat, als klant aan het eind.',
    ]);
  });
});

/** An explanation of an arbitrary formula, to test the renderer on shapes core does not use yet. */
function custom(formula: Formula, terms: Record<string, Term>): Explanation {
  return makeExplanation(
    'calculator',
    formula,
    terms,
    { inputKind: 'numbers', period: null, windowDays: null, refunds: null },
    [],
  );
}

describe('formula rendering', () => {
  const count = (value: number): Term => ({ kind: 'count', value, customers: null });
  const money = (value: number): Term => ({ kind: 'money', value, customers: null });
  const terms = { S: count(8), E: count(4), N: count(2) };
  const S = term('S');
  const E = term('E');
  const N = term('N');

  it('puts parentheses only where precedence needs them', () => {
    const cases: [Formula, string][] = [
      [sub(S, sub(E, N)), 'S − (E − N)'],
      [sub(sub(S, E), N), 'S − E − N'],
      [add(S, sub(E, N)), 'S + E − N'],
      [mul(add(S, E), N), '(S + E) × N'],
      [add(S, mul(E, N)), 'S + E × N'],
      [mul(S, div(E, N)), 'S × E ÷ N'],
    ];
    for (const [formula, text] of cases) {
      expect(formulaInSymbols(custom(formula, terms), 'en')).toBe(`CRR = ${text}`);
    }
    // A division is a ratio: shown as a percentage, the article's outer parentheses kept.
    expect(formulaInSymbols(custom(div(S, mul(E, N)), terms), 'en')).toBe(
      'CRR = (S ÷ (E × N)) × 100',
    );
    expect(formulaWithNumbers(custom(div(S, mul(E, N)), terms), 'en')).toBe(
      '(8 ÷ (4 × 2)) × 100 = 100%',
    );
    expect(formulaWithNumbers(custom(div(mul(S, E), N), terms), 'nl')).toBe(
      '(8 × 4 ÷ 2) × 100 = 1.600%',
    );
  });

  it('formats money with the currency, and negative numbers in parentheses', () => {
    const e = custom(add(term('revenue'), term('newRevenue')), {
      revenue: money(1234.5),
      newRevenue: money(-10),
    });
    expect(formulaWithNumbers(e, 'nl')).toBe(
      `€${nbsp}1.234,50 + (€${nbsp}-10,00) = €${nbsp}1.224,50`,
    );
    expect(formulaWithNumbers(e, 'en', 'USD')).toBe('US$1,234.50 + (-US$10.00) = US$1,224.50');
    expect(formulaInSymbols(e, 'nl')).toBe('CRR = omzet + omzet-nieuw');
    expect(stepLines(e, 'en')).toEqual(['€1,234.50 + (-€10.00) = €1,224.50']);
  });

  it('gives tokens whose terms carry their symbol, in both modes', () => {
    const e = explainNumbers({ S: 200, E: 240, N: 50 });
    const symbols = formulaTokens(e, 'symbols', 'nl');
    expect(symbols.filter((t) => t.role === 'term').map((t) => [t.text, t.symbol])).toEqual([
      ['E', 'E'],
      ['N', 'N'],
      ['S', 'S'],
    ]);
    expect(symbols[0]).toEqual({ text: 'CRR', role: 'label' });
    const numbers = formulaTokens(e, 'numbers', 'nl');
    expect(numbers.filter((t) => t.role === 'term').map((t) => [t.text, t.symbol])).toEqual([
      ['240', 'E'],
      ['50', 'N'],
      ['200', 'S'],
    ]);
    expect(numbers[numbers.length - 1]).toEqual({ text: '95%', role: 'result' });
    expect(tokensText(numbers)).toBe(formulaWithNumbers(e, 'nl'));
    const fromLost = explainNumbers({ S: 200, N: 50, lost: 10 });
    expect(fromLost.terms.lost.value).toBe(10);
    expect(formulaTokens(fromLost, 'numbers', 'en').find((t) => t.symbol === 'E')?.text).toBe(
      '240',
    );
  });
});

describe('period names', () => {
  const one = (from: string, unit: Parameters<typeof listPeriods>[2]) => {
    const [y, m, d] = from.split('-').map(Number);
    return listPeriods(epochDay(y, m, d), epochDay(y, m, d), unit)[0];
  };

  it('writes each kind of period in both languages', () => {
    const cases: [ReturnType<typeof one>, string, string][] = [
      [one('2011-03-05', 'day'), '5 maart 2011', '5 March 2011'],
      [one('2011-03-05', 'week'), 'week 9 van 2011', 'week 9 of 2011'],
      [one('2011-03-05', 'month'), 'maart 2011', 'March 2011'],
      [one('2011-03-05', 'quarter'), '1e kwartaal 2011', 'Q1 2011'],
      [one('2011-03-05', 'year'), '2011', '2011'],
      [
        customPeriod({ from: epochDay(2011, 3, 5), to: epochDay(2011, 4, 10) }, 0),
        `5 maart${thin}–${thin}10 april 2011`,
        `5 March${thin}–${thin}10 April 2011`,
      ],
    ];
    for (const [period, nl, en] of cases) {
      expect(periodName(period, 'nl')).toBe(nl);
      expect(periodName(period, 'en')).toBe(en);
    }
  });
});

describe('every metric, term and note has copy in both languages', () => {
  it('lists exactly the metric ids core knows', () => {
    expect([...metricIds].sort()).toEqual(
      [...datasetMetrics.map((m) => m.id), calculator.id].sort(),
    );
  });

  it('has a name, description and label per metric', () => {
    for (const id of metricIds) {
      for (const language of languages) {
        expect(metricName(id, language)).not.toBe('');
        expect(metricDescription(id, language)).not.toBe('');
        expect(metricMessages(language).metrics[id].label).not.toBe('');
      }
      expect(metricName(id, 'nl')).not.toBe(metricName(id, 'en'));
    }
  });

  it('has a symbol, name and description per term', () => {
    for (const symbol of termSymbols) {
      for (const language of languages) {
        expect(termSymbol(symbol, language)).not.toMatch(/\s/);
        expect(termName(symbol, language)).not.toBe('');
        expect(metricMessages(language).terms[symbol].description).not.toBe('');
      }
    }
    expect(termName('lost', 'nl')).toBe('Verloren klanten');
    expect(termName('unknown', 'nl')).toBe('unknown');
  });

  it('has a sentence per note code, for every combination of parameters', () => {
    const variants: Partial<NoteParams>[] = [
      { count: 1, countText: '1', listed: true },
      { count: 3, countText: '3', listed: false },
      { period: null, windowText: null, windowDays: null },
      { higher: false, pointsText: '2,5' },
    ];
    for (const code of noteCodes) {
      for (const metric of metricIds) {
        for (const variant of variants) {
          const params: NoteParams = {
            metric,
            count: 2,
            countText: '2',
            pointsText: '1,5',
            higher: true,
            period: 'maart 2011',
            windowText: '365',
            windowDays: 365,
            daysText: '30',
            listed: true,
            ...variant,
          };
          const nl = metricMessages('nl').notes[code](params);
          const en = metricMessages('en').notes[code](params);
          for (const text of [nl, en]) {
            expect(text).toMatch(/^[A-Z0-9].*\.$/);
            expect(text).not.toMatch(/undefined|null|NaN|\$\{/);
          }
          expect(nl).not.toBe(en);
        }
      }
    }
  });

  it('renders every explanation of random data without gaps', () => {
    fc.assert(
      fc.property(randomDataset, fc.constantFrom('month', 'week', 'quarter'), (dataset, unit) => {
        const analysis = createAnalysis(dataset, { unit, windowDays: 45 });
        const periods = Math.max(1, analysis.report.periods.length);
        for (const metric of datasetMetrics) {
          for (let p = 0; p < periods; p++) {
            const e = analysis.explain(metric.id, p);
            if (e === null) continue;
            for (const symbol of Object.keys(e.terms)) expect(isTermSymbol(symbol)).toBe(true);
            for (const language of languages) {
              const value = evaluate(e.formula, termValues(e.terms));
              const shown =
                value === null
                  ? metricMessages(language).formula.noValue
                  : formatPercentUpTo(language, value);
              expect(formulaWithNumbers(e, language)).toMatch(/ [=≈] /);
              expect(formulaWithNumbers(e, language).endsWith(` ${shown}`)).toBe(true);
              const text = [
                formulaInSymbols(e, language),
                ...stepLines(e, language),
                ...definitionLines(e, language),
                ...noteLines(e, language).map((n) => n.text),
              ].join('\n');
              expect(text).not.toMatch(/undefined|NaN|Infinity|\$\{/);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the subscription and orders datasets of the other tests renderable', () => {
    const subscriptions = createAnalysis(
      subscriptionsDataset([{ customer: 'a', start: '2024-01-01', end: '2024-02-10' }]),
      { unit: 'month' },
    );
    const e = subscriptions.explain('retention-rate', 1) as Explanation;
    expect(formulaWithNumbers(e, 'nl')).toBe('((0 − 0) ÷ 1) × 100 = 0%');
  });
});
