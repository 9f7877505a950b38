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
        'Customers who had gone and came back in the period: they count in E, but in neither S nor N.',
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
      description: 'The revenue of all orders in the period.',
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
