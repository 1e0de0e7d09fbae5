/**
 * What each GraphQL object type's resolvers receive as `parent`: the codegen config maps every
 * object type to the alias of the same name + `Parent` here, so the generated `Resolvers` type
 * checks parents and return values against one table.
 *
 * They are all the loose `Row` while the repositories move to typed rows: each alias can then be
 * narrowed to its repository row (e.g. `ChangeParent = ChangeRow`) one at a time, and the
 * compiler shows which resolvers assume more than the row declares.
 */

/** A row as a repository hands it over today: any keys. */
export type Row = Record<string, any>;

export type ActorParent = Row;
export type ActorConnectionParent = Row;
export type AuthorityParent = Row;
export type AuthorityConnectionParent = Row;
export type ChangeParent = Row;
export type CitationParent = Row;
export type CitedByParent = Row;
export type DependenciesParent = Row;
export type DependencyEdgeParent = Row;
export type DonorShareParent = Row;
export type EdgeParent = Row;
export type EventParent = Row;
export type EventConnectionParent = Row;
export type FundingConnectionParent = Row;
export type FundingExclusionParent = Row;
export type FundingFlowParent = Row;
export type FundingGraphParent = Row;
export type FundingGraphEdgeParent = Row;
export type FundingGraphFlowParent = Row;
export type FundingGraphNodeParent = Row;
export type FundingTotalParent = Row;
export type FundingTotalsParent = Row;
export type GraphEdgeParent = Row;
export type GraphNodeParent = Row;
export type LineageParent = Row;
export type LineageEntryParent = Row;
export type MutationResultParent = Row;
export type NodePositionParent = Row;
export type PageInfoParent = Row;
export type PathParent = Row;
export type PathResultParent = Row;
export type PathSearchParent = Row;
export type PathStepParent = Row;
export type SearchHitParent = Row;
export type SourceWorkParent = Row;
export type SubgraphParent = Row;

// dataSummary: narrowed to its repository's rows.
export type DataSummaryParent = import('../repositories/summary.ts').SummaryRow;
export type KindCountParent = import('../repositories/summary.ts').KindCountRow;
export type YearSpanParent = NonNullable<import('../repositories/summary.ts').YearSpanRow>;
export type SummarySourceParent = import('../repositories/summary.ts').SummarySourceRow;
export type CountingRuleParent = import('../../domain/counting.ts').CountingRule;

// graphComparison: narrowed to its repository's rows.
export type GraphComparisonParent = import('../repositories/comparison.ts').ComparisonRow;
export type ComparedEdgeParent = import('../repositories/comparison.ts').ComparedEdgeRow;
export type ComparisonCountsParent = import('../repositories/comparison.ts').ComparisonCountsRow;
