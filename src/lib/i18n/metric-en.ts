/** English metric copy (translated from the Dutch source in metric-nl.ts). */
import type { MetricMessages, NoteParams } from './metric-messages.ts';

const inPeriod = (p: NoteParams): string =>
  p.period === null ? 'in this period' : `in ${p.period}`;
const cameBack = (p: NoteParams): string =>
  p.windowText === null
    ? p.count === 1
      ? '1 customer came back after having left'
      : `${p.countText} customers came back after having left`
    : p.count === 1
      ? `1 customer bought again after more than ${p.windowText} days without a purchase`
      : `${p.countText} customers bought again after more than ${p.windowText} days without a purchase`;
const listedBelow = (p: NoteParams): string =>
  p.listed ? (p.count === 1 ? ' This customer is listed below.' : ' They are listed below.') : '';
/** The lifetime figure a note is about. */
const lifetimeFigure = (p: NoteParams): string =>
  p.metric === 'average-lifetime' ? 'the average lifetime' : 'the lifetime value';

export const metricEn: MetricMessages = {
  metrics: {
    'retention-rate': {
      name: 'Customer retention rate (CRR)',
      description:
        'The share of your customers at the start that you kept, by the usual formula from the literature.',
      label: 'CRR',
    },
    'exact-retention': {
      name: 'Exact customer retention',
      description:
        'The share of the customers at the start who are still customers at the end, counted one by one.',
      label: 'exact retention',
    },
    'churn-rate': {
      name: 'Churn rate',
      description: 'The share of the customers at the start that you lost in this period.',
      label: 'churn',
    },
    'churn-rate-stripe': {
      name: 'Churn rate as Stripe computes it',
      description:
        'All lost customers, new ones who left again included, divided by the customers at the start plus the new ones.',
      label: 'churn (Stripe)',
    },
    'churn-rate-baremetrics': {
      name: 'Churn rate as Baremetrics computes it',
      description:
        'All lost customers, new ones who left again included, divided by the customers at the start.',
      label: 'churn (Baremetrics)',
    },
    'repeat-purchase-rate': {
      name: 'Repeat-purchase rate',
      description:
        'The share of the customers who had bought before that bought again in this period.',
      label: 'repeat purchases',
    },
    'repeat-two-or-more': {
      name: 'Customers with two or more purchases',
      description: 'The share of all your customers who bought at least twice.',
      label: 'two or more purchases',
    },
    'repeat-within-30': {
      name: 'Bought again within 30 days',
      description:
        'The share of customers who bought again within 30 days of their first purchase.',
      label: 'within 30 days',
    },
    'repeat-within-90': {
      name: 'Bought again within 90 days',
      description:
        'The share of customers who bought again within 90 days of their first purchase.',
      label: 'within 90 days',
    },
    'repeat-within-365': {
      name: 'Bought again within a year',
      description:
        'The share of customers who bought again within 365 days of their first purchase.',
      label: 'within 365 days',
    },
    'new-existing-ratio': {
      name: 'New versus existing customers',
      description:
        'How many new customers there were in this period per existing customer who bought or was active.',
      label: 'new : existing',
    },
    'two-lists': {
      name: 'Customer retention from two customer lists',
      description: 'The share of the customers on the start list who are on the end list too.',
      label: 'CRR',
    },
    calculator: {
      name: 'Retention calculator',
      description:
        'Customer retention from three numbers you type in: customers at the start, new customers, and customers at the end or customers lost.',
      label: 'CRR',
    },
    'net-revenue-retention': {
      name: 'Net revenue retention (NRR)',
      description:
        'How much of the revenue of your customers from the start you still have at the end: expansion added, contraction and churned revenue taken off. Above 100%, your existing customers grow.',
      label: 'NRR',
    },
    'gross-revenue-retention': {
      name: 'Gross revenue retention (GRR)',
      description:
        'How much of the revenue of your customers from the start you kept, without counting expansion: never above 100%.',
      label: 'GRR',
    },
    'revenue-quick-ratio': {
      name: 'Revenue quick ratio',
      description:
        'How much revenue was gained (new customers and expansion) against the revenue that fell away (contraction and churned revenue). Above 1, your revenue grows.',
      label: 'quick ratio',
    },
    'lifetime-value': {
      name: 'Customer lifetime value (LTV)',
      description:
        'What a customer brings in on average for as long as they stay: the average revenue per customer times how long customers stay on average.',
      label: 'LTV',
    },
    'average-lifetime': {
      name: 'Average customer lifetime',
      description:
        'How long a customer stays on average: 1 divided by the churn rate, in months for subscriptions and in years for orders.',
      label: 'lifetime',
    },
  },
  terms: {
    S: {
      symbol: 'S',
      name: 'Customers at the start',
      description: 'Customers who were active when the period began.',
    },
    E: {
      symbol: 'E',
      name: 'Customers at the end',
      description: 'Customers who were active at the end of the period, new customers included.',
    },
    N: {
      symbol: 'N',
      name: 'New customers',
      description: 'Customers whose first purchase or first start fell in the period.',
    },
    retained: {
      symbol: 'retained',
      name: 'Retained customers',
      description: 'Customers at the start who are still active at the end.',
    },
    lost: {
      symbol: 'lost',
      name: 'Lost customers',
      description: 'Customers at the start who are no longer active at the end.',
    },
    joinedAndLeft: {
      symbol: 'new-lost',
      name: 'New customers who left again',
      description: 'Customers who were new in the period and are gone again by its end.',
    },
    reactivated: {
      symbol: 'reactivated',
      name: 'Reactivated customers',
      description:
        'Customers who had gone and came back in the period. In customer retention they count in E, but in neither S nor N; in revenue retention, what they pay again is reactivated revenue.',
    },
    previous: {
      symbol: 'previous',
      name: 'Customers from before the period',
      description: 'Customers who had bought before the period began.',
    },
    returning: {
      symbol: 'returning',
      name: 'Returning customers in the period',
      description: 'Customers from before the period who bought again or were active in it.',
    },
    customers: {
      symbol: 'customers',
      name: 'All customers',
      description: 'Everyone who bought at least once.',
    },
    twoOrMore: {
      symbol: 'repeat-buyers',
      name: 'Customers with two or more purchases',
      description: 'Customers who bought at least twice (separate orders or days).',
    },
    observed: {
      symbol: 'observed',
      name: 'Customers observed long enough',
      description:
        'Customers whose first purchase is long enough ago to see whether they came back in time.',
    },
    repeated: {
      symbol: 'repeated',
      name: 'Bought again in time',
      description:
        'Observed customers who bought again within the term after their first purchase.',
    },
    days: {
      symbol: 'days',
      name: 'Term in days',
      description: 'A second purchase counts when it is within this many days of the first.',
    },
    revenue: {
      symbol: 'revenue',
      name: 'Revenue',
      description:
        'The revenue of all orders in the period (for the lifetime value: in the last year).',
    },
    newRevenue: {
      symbol: 'new-revenue',
      name: 'Revenue from new customers',
      description: 'The part of the revenue that comes from new customers.',
    },
    returningRevenue: {
      symbol: 'returning-revenue',
      name: 'Revenue from existing customers',
      description: 'The part of the revenue that comes from existing customers.',
    },
    R0: {
      symbol: 'R0',
      name: 'Start revenue',
      description:
        'What the customers who paid at the start paid then: for subscriptions the running amount on the day before the period, for orders their revenue in the period before.',
    },
    expansion: {
      symbol: 'expansion',
      name: 'Expansion',
      description: 'How much more the customers from the start pay at the end than at the start.',
    },
    contraction: {
      symbol: 'contraction',
      name: 'Contraction',
      description:
        'How much less the customers from the start pay at the end than at the start, when they still pay something.',
    },
    churned: {
      symbol: 'churned',
      name: 'Churned revenue',
      description: 'What the customers from the start paid who pay nothing at the end.',
    },
    new: {
      symbol: 'new',
      name: 'New revenue',
      description:
        'What the customers who were new in the period pay at its end (for orders: their revenue in the period).',
    },
    paying: {
      symbol: 'paying',
      name: 'Paying customers at the start',
      description: 'Customers who paid something at the start: the customers behind R0.',
    },
    MRR: {
      symbol: 'MRR',
      name: 'Monthly recurring revenue (MRR)',
      description:
        'The sum of the running subscription amounts on the last day of the last full month.',
    },
    active: {
      symbol: 'active',
      name: 'Active customers',
      description:
        'Customers with a running subscription on the last day of the last full month, paying or not.',
    },
    margin: {
      symbol: 'margin',
      name: 'Gross margin',
      description:
        'The share of revenue left after direct costs. You set it yourself; 100% unless you change it.',
    },
    sumLost: {
      symbol: 'lost-total',
      name: 'Customers who left in a month measured',
      description:
        'Per month, the customers at its start who were gone by its end, added up over the months measured (up to 12).',
    },
    sumS: {
      symbol: 'start-total',
      name: 'Customers at the start of a month measured',
      description:
        'Per month, the customers at its start, added up over the months measured (up to 12): the number of customer-months.',
    },
    purchases: {
      symbol: 'purchases',
      name: 'Purchases in the last year',
      description:
        'The number of orders in the last 365 days (without order numbers: buying days per customer); refunds do not count.',
    },
    buyers: {
      symbol: 'buyers',
      name: 'Buyers in the last year',
      description: 'Customers who bought something in the last 365 days.',
    },
  },
  notes: {
    'no-start-customers': (p) =>
      p.metric === 'churn-rate-stripe'
        ? 'There were no customers at the start and none joined (S + N = 0), so there is no rate.'
        : 'There were no customers at the start of this period (S = 0), so there is no rate.',
    'joined-and-left': (p) => {
      const who =
        p.count === 1
          ? `1 customer joined ${inPeriod(p)} and was gone again by its end`
          : `${p.countText} customers joined ${inPeriod(p)} and were gone again by its end`;
      const effect =
        p.metric === 'churn-rate-stripe' || p.metric === 'churn-rate-baremetrics'
          ? `this convention counts ${p.count === 1 ? 'them as a lost customer' : 'them as lost customers'}; ours does not, as they were not customers at the start.`
          : `the ${p.metric === 'exact-retention' ? 'CRR formula' : 'formula'} counts ${p.count === 1 ? 'them as a lost existing customer' : 'them as lost existing customers'}.`;
      return `${who}: ${effect}${listedBelow(p)}`;
    },
    reactivated: (p) =>
      `${cameBack(p)}: they count in E, but in neither S nor N, and raise the result of the formula.${listedBelow(p)}`,
    'reactivated-above-100': (p) =>
      `The CRR is above 100%: ${cameBack(p)}. They count in E, but in neither S nor N.${listedBelow(p)}`,
    'crr-differs-from-exact': (p) =>
      `The CRR formula comes out ${p.pointsText} percentage points ${p.higher ? 'higher' : 'lower'} than ${p.metric === 'exact-retention' ? 'this' : 'the'} exact retention, which only counts how many customers at the start are still customers at the end.`,
    'incomplete-period': (p) =>
      p.period === null
        ? 'Your data does not reach the end of this period: this number may still change.'
        : `Your data does not reach the end of ${p.period}: this number may still change.`,
    'no-previous-buyers': () =>
      'Nobody had bought anything before this period, so there is no repeat-purchase rate yet.',
    'window-not-observed': (p) => {
      const days = p.daysText ?? '';
      return p.count === 1
        ? `1 customer first bought less than ${days} days before the end of your data. Whether they buy again within ${days} days cannot be seen yet, so they are not counted.`
        : `${p.countText} customers first bought less than ${days} days before the end of your data. Whether they buy again within ${days} days cannot be seen yet, so they are not counted.`;
    },
    'baremetrics-differs-from-crr': (p) =>
      `This is ${p.pointsText} percentage points ${p.higher ? 'higher' : 'lower'} than 100% − CRR: reactivated customers raise the CRR but do not reduce the number of lost customers.`,
    'no-existing-customers': () =>
      'Nobody who bought or was active in this period was an existing customer, so there is no new : existing ratio.',
    'end-from-lost': (p) =>
      `The number of customers at the end is start − left + new: E = S − lost + N = ${p.countText}.`,
    'inconsistent-numbers': () =>
      'These numbers do not fit together: E − N must lie between 0 and S, and no more customers can leave than there were at the start. Please check what you typed.',
    'no-amounts': (p) =>
      p.metric === 'lifetime-value'
        ? 'Your data has no amounts, so there is no lifetime value to compute. Map a column with amounts to see it.'
        : 'Your data has no amounts, so there is no revenue retention to compute. Map a column with amounts to see it.',
    'no-start-revenue': () =>
      'Nobody paid at the start of this period (R0 = 0), so there is no revenue retention rate.',
    'no-revenue-lost': () =>
      'No revenue was lost in this period (no contraction and no churned revenue), so there is no quick ratio: it would divide by zero.',
    'previous-period-partial': () =>
      'Your data starts partway through the period before this one. The start revenue (R0) covers only part of that period and is probably too low.',
    'no-churn': (p) =>
      `No customer left in the time measured. The churn rate is 0 and ${lifetimeFigure(p)} would be infinite, so there is no result.`,
    'few-customers': (p) => {
      const who =
        p.count === 0
          ? 'There were no customers'
          : p.count === 1
            ? 'There was only 1 customer'
            : `There were only ${p.countText} customers`;
      return `${who} at the start of the time measured. With fewer than 30 customers, ${lifetimeFigure(p)} is no more than a rough estimate.`;
    },
    'short-history': (p) => {
      const months =
        p.count === 0 ? 'no month' : p.count === 1 ? 'only 1 month' : `only ${p.countText} months`;
      return `Your data has ${months} with customers, fewer than the 12 months the churn rate is normally averaged over. ${p.metric === 'average-lifetime' ? 'The average lifetime' : 'The lifetime value'} rests on a short history.`;
    },
  },
  formula: {
    noValue: 'no result',
  },
  periods: {
    week: (week, year) => `week ${week} of ${year}`,
    quarter: (quarter, year) => `Q${quarter} ${year}`,
    lists: 'from the start list to the end list',
  },
  definitions: {
    inputKind: {
      orders: 'Computed from your orders.',
      subscriptions: 'Computed from your subscriptions or member list.',
      lists: 'Computed from two customer lists: one from the start and one from the end.',
      numbers: 'Computed from three numbers you typed in.',
    },
    period: (name, days) => `Period: ${name} (${days})`,
    periodOnly: (name) => `Period: ${name}`,
    moments: (t0, t1) =>
      `S counts the customers on ${t0}, the day before the period; E counts the customers on ${t1}, its last day.`,
    window: (days, daysText) =>
      days === 1
        ? 'A customer who has not bought for 1 day counts as lost.'
        : `A customer who has not bought for ${daysText} days counts as lost.`,
    activeSubscriptions:
      'A customer counts as active from the start date to the end date; without an end date the subscription is still running.',
    activeLists:
      'Whoever is on the first list counts as a customer at the start; whoever is on the second list, as a customer at the end.',
    refunds: {
      include: 'Refunds (negative amounts) are not purchases and are taken off the revenue.',
      ignore: 'Refunds (negative amounts) are not purchases and are left out of the revenue.',
    },
  },
  conventions: {
    ours: {
      name: 'Ours (as ChartMogul)',
      formula: 'lost customers of the start ÷ customers at the start',
    },
    stripe: {
      name: 'Stripe',
      formula: 'all lost customers ÷ (customers at the start + new customers)',
    },
    baremetrics: {
      name: 'Baremetrics (and 100% − CRR)',
      formula: 'all lost customers ÷ customers at the start',
    },
  },
};
