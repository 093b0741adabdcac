define([], function () {
  return {
    // Property pane
    PropertyPaneDescription: "Organisational control card for the Viva Connections dashboard.",
    TitleFieldLabel: "Title",
    SiteUrlFieldLabel: "Data site",
    SiteUrlFieldDescription: "Address of the site with the lists (empty: the organisation's data site, else this site).",
    ReportYearFieldLabel: "Report year",
    ReportYearFieldDescription: "Empty or 0: the reporting year the control team set on the data site.",
    CardsUrlFieldLabel: "Page with the domain cards",
    CardsUrlFieldDescription: "Empty: the domain cards open in the Organisatiebeheersing Teams app.",
    PageUrlInvalid: "Enter an address starting with https://, or a path on this site starting with a single / (no javascript:, data: or other kinds of links).",
    SiteUrlInvalid: "Enter a full address starting with https://.",
    // Card
    Title: "Organisational control",
    Loading: "Loading the figures…",
    LoadError: "The figures could not be loaded. Try again later.",
    NoDomains: "No domains yet. Fill the Domeinen list on the data site.",
    HeadlineHighRisks: "{0} open high risks",
    HeadlineBody: "{0}: {1} {1:realisation|realisations}, {2} in earlier planning, {3} overdue",
    QuickViewButton: "By domain",
    // Quick view
    QuickViewTitle: "Organisational control {0} by domain",
    QuickViewIntro: "By domain, an action counts in each of its domains.",
    QuickViewTotals: "{0}: {1} {1:realisation|realisations}, {3} {3:mention|mentions} in {2} {2:domain|domains}. Earlier planning: {4} {4:action|actions}, {5} {5:mention|mentions}.",
    OpenHighRisksLabel: "Open high risks",
    RealisedLabel: "Realisations {0}",
    EarlierPlanningLabel: "Earlier planning",
    OverdueLabel: "Overdue (deadline passed)",
    OpenDomain: "Open {0}",
    OpenDomainCard: "Open domain card",
    // The signed-in user's own items (owner = you; the reminder rule: overdue or due within 30 days)
    MineHeadline: "Your items: {0} overdue, {1} due within 30 days",
    HeadlineBodyWithRisks: "{0} open high risks. {1}",
    MineTitle: "My actions",
    MineIntro: "Where you are the owner: overdue or due within 30 days.",
    MineNone: "You have no actions or recommendations that are overdue or due within 30 days.",
    MineOverdue: "{0} · overdue (deadline {1})",
    MineDueSoon: "{0} · deadline {1}",
    MineAction: "Action",
    MineRecommendation: "Recommendation",
    MineMore: "And {0} more in My actions.",
    OpenRecommendationsLabel: "Open recommendations",
    QuickViewOpenRecommendations: "Audits: {0} open {0:recommendation|recommendations}.",
    MineOpen: "Open My actions",
    DateLocale: "en-GB"
  };
});
