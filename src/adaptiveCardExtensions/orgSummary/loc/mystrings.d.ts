declare interface IOrgSummaryAdaptiveCardExtensionStrings {
  PropertyPaneDescription: string;
  TitleFieldLabel: string;
  SiteUrlFieldLabel: string;
  SiteUrlFieldDescription: string;
  ReportYearFieldLabel: string;
  ReportYearFieldDescription: string;
  CardsUrlFieldLabel: string;
  CardsUrlFieldDescription: string;
  PageUrlInvalid: string;
  SiteUrlInvalid: string;
  Title: string;
  Loading: string;
  LoadError: string;
  NoDomains: string;
  HeadlineHighRisks: string;
  HeadlineBody: string;
  QuickViewButton: string;
  QuickViewTitle: string;
  QuickViewIntro: string;
  OpenHighRisksLabel: string;
  RealisedLabel: string;
  QuickViewTotals: string;
  EarlierPlanningLabel: string;
  OverdueLabel: string;
  OpenDomain: string;
  OpenDomainCard: string;
  MineHeadline: string;
  HeadlineBodyWithRisks: string;
  MineTitle: string;
  MineIntro: string;
  MineNone: string;
  MineOverdue: string;
  MineDueSoon: string;
  MineAction: string;
  MineRecommendation: string;
  MineMore: string;
  OpenRecommendationsLabel: string;
  QuickViewOpenRecommendations: string;
  MineOpen: string;
  DateLocale: string;
}

declare module 'OrgSummaryAdaptiveCardExtensionStrings' {
  const strings: IOrgSummaryAdaptiveCardExtensionStrings;
  export = strings;
}
