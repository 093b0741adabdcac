declare interface ISummaryWebPartStrings {
  PropertyPaneDescription: string;
  DataGroupName: string;
  SiteUrlFieldLabel: string;
  SiteUrlFieldDescription: string;
  ReportYearFieldLabel: string;
  ReportYearFieldDescription: string;
  SiteUrlInvalid: string;
  ReportYearInvalid: string;
  CardsUrlFieldLabel: string;
  CardsUrlFieldDescription: string;
  PageUrlInvalid: string;
  Title: string;
  ListLabel: string;
  HighRisksOne: string;
  HighRisksMany: string;
  RealisedIn: string;
  NewPlanning: string;
  DomainPlanning: string;
  DomainNoPlanning: string;
  OverallRealised: string;
  OverallNoYearPlanning: string;
  Mentions: string;
  EarlierPlanning: string;
  Totals: string;
  ToCards: string;
  ToDomain: string;
  Loading: string;
  LoadError: string;
  RefreshError: string;
  Retry: string;
  TechnicalDetails: string;
  Refreshing: string;
  EmptyTitle: string;
  EmptyMessage: string;
  Overdue: string;
  OpenRecommendationsOne: string;
  OpenRecommendationsMany: string;
}

declare module 'SummaryWebPartStrings' {
  const strings: ISummaryWebPartStrings;
  export = strings;
}
