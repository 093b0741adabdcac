define([], function () {
  return {
    // Property pane
    PropertyPaneDescription: "Internal control summary for the home page: per domain the high risks, the realisations and the new planning.",
    DataGroupName: "Data",
    SiteUrlFieldLabel: "Data site",
    SiteUrlFieldDescription: "Address of the site that holds the lists (empty: the data site set for the whole organisation at installation, else this site).",
    ReportYearFieldLabel: "Report year",
    ReportYearFieldDescription: "Empty or 0: the reporting year the control team set on the data site.",
    SiteUrlInvalid: "Enter a full address starting with https://.",
    ReportYearInvalid: "Enter a year, for example 2022.",
    CardsUrlFieldLabel: "Domain cards page",
    CardsUrlFieldDescription: "Address of the page or Teams tab with the domain cards. Empty: the links open the domain cards in the Organisatiebeheersing Teams app.",
    PageUrlInvalid: "Enter an address starting with https://, or a path on this site starting with a single / (no javascript:, data: or other kinds of links).",

    // Content
    Title: "Internal control {0}",
    ListLabel: "Overview per domain in {0}",
    HighRisksOne: "high risk to follow up",
    HighRisksMany: "high risks to follow up",
    RealisedIn: "realised in {0}",
    NewPlanning: "newly planned for {0}",
    DomainPlanning: "Planning {0}: {1} of {2} realised ({3}%)",
    DomainNoPlanning: "No actions planned for {0}",
    OverallRealised: "{0} of the {1} actions planned for {2} {0:has|have} been realised ({3}%).",
    OverallNoYearPlanning: "No actions were planned for {0} itself; {1} {1:action|actions} from earlier planning {1:is|are} still open and {2} {2:action is|actions are} newly planned for {3}.",
    Totals: "In total (each action once): {0} high {0:risk|risks}, {1} {1:realisation|realisations} in {2}, {3} {3:action|actions} newly planned for {4}, {5} in earlier planning, {6} overdue, {7} open {7:recommendation|recommendations} from audits.",
    Mentions: "By domain an action counts in each of its domains: {1} {1:mention|mentions} of realisations in {0} {0:domain|domains}, {2} of new planning and {3} of earlier planning.",
    EarlierPlanning: "in earlier planning",
    ToCards: "View all domain cards",
    ToDomain: "{0}: open the domain card",

    // States
    Loading: "Loading summary…",
    LoadError: "The summary could not be loaded. Please try again later.",
    RefreshError: "The summary could not be updated. You are seeing the last loaded figures.",
    Retry: "Try again",
    TechnicalDetails: "Technical details",
    Refreshing: "Updating…",
    EmptyTitle: "No domains yet",
    EmptyMessage: "No internal control domains have been filled in yet. The internal control coordinator adds them in the Domeinen list.",
    Overdue: "overdue (deadline passed)",
    OpenRecommendationsOne: "open recommendation from audits",
    OpenRecommendationsMany: "open recommendations from audits"
  };
});
