/* Generated from schema.json by `repogen-pack typegen`; do not edit. */

export type ReferenceNo = string;
export type ReportDate = string;
export type SiteVisitDate = string;
export type Status = 'DRAFT' | 'FINAL';
/**
 * ₹ in lakh, 2 decimals
 */
export type UnitOfAccount = 'INR_LAKH';
export type ConsultantFirm = string;
export type PreparedForBank = string;
export type Branch = string;
export type TermLoan = number;
export type CashCredit = number;
export type TermsOfReference = string;
export type Scope = string;
export type Methodology = string;
export type DocumentsReviewed = string;
export type Limitations = string;
export type Entity = string;
export type Constitution = string;
export type CINLLPIN = string;
export type UdyamCategory = 'Micro Enterprise' | 'Small Enterprise' | 'Medium Enterprise' | 'Not MSME';
export type ProjectSite = string;
export type Name = string;
export type Qualification = string;
export type Experience = number;
export type Shareholding = number;
export type NetWorth = number;
export type Promoters = {
  name: Name;
  qualification?: Qualification;
  experienceYears?: Experience;
  sharePct?: Shareholding;
  netWorth?: NetWorth;
}[];
export type GroupExposure = string;
export type CreditHistory = string;
export type OrganisationAndKeyPersonnel = string;
export type Project1 = string;
/**
 * The capacity the revenue driver multiplies
 */
export type CapacityBeds = number;
export type ScheduledCODDCCO = string;
export type ConstructionPeriod = number;
export type EconomicLife = number;
export type Tenure = 'OWNED' | 'LEASED';
export type Area = number;
export type Zoning = string;
export type Approval = string;
export type Authority = string;
export type Status1 = 'NOT_REQUIRED' | 'TO_APPLY' | 'APPLIED' | 'OBTAINED' | 'EXPIRED';
export type Date = string;
export type Approvals = {
  name: Approval;
  authority?: Authority;
  status: Status1;
  date?: Date;
}[];
export type EPCContractingStructure = string;
export type TechnologyAndProcess = string;
export type Item = string;
export type Make = string;
export type Capacity = string;
export type Quoted = number;
export type Benchmark = number;
export type EquipmentVsBenchmarks = {
  item: Item;
  make?: Make;
  capacity?: Capacity;
  quotedAmount?: Quoted;
  benchmarkAmount?: Benchmark;
}[];
export type Civil = string;
export type Utilities = string;
export type Inputs = string;
export type Manpower = string;
export type EnvironmentAndSafety = string;
export type TechnicalRisks = string;
export type Industry = string;
export type DemandDrivers = string;
export type CatchmentCompetition = string;
export type PricingARPOB = string;
export type RampUpJustification = string;
export type LandLeasePremium = number;
export type BuildingAndCivil = number;
export type MedicalEquipment = number;
export type NonMedicalEquipmentAndUtilities = number;
export type FurnitureFixturesAndIT = number;
export type PreOperativeExpensesInclIDC = number;
export type ContingencyRateOnBuildingMedicalNonMedicalEquipment = number;
export type Contingency = number;
export type MarginMoneyForWorkingCapital = number;
export type TotalCostOfProject = number;
/**
 * e.g. ₹ lakh per bed
 */
export type Metric = string;
export type Project2 = number;
export type Benchmark1 = number;
export type Source = string;
export type CostBenchmarks = {
  metric: Metric;
  project?: Project2;
  benchmark?: Benchmark1;
  source?: Source;
}[];
export type PromoterEquity = number;
export type PromoterUnsecuredLoanQuasiEquity = number;
export type TermLoan1 = number;
export type SubsidyGrant = number;
export type Others = number;
export type Total = number;
export type TieUpStatus = string;
export type ProjectionYears = number;
/**
 * @minItems 5
 * @maxItems 15
 */
export type OccupancyByYear = [Year, Year, Year, Year, Year, ...Year[]];
export type Year = number;
/**
 * Average revenue per occupied bed-day
 */
export type ARPOBYear1 = number;
export type ARPOBGrowth = number;
export type VariableCostOfRevenueAtBaseARPOB = number;
export type FixedCashCostYear1 = number;
export type FixedCostGrowth = number;
export type TaxRate = number;
export type LossesCarriedForward = boolean;
export type TermLoanInterestRate = number;
/**
 * Interest on the balance outstanding at each rest, instalments falling on the same dates: annual (on the opening balance, instalments at the year end), quarterly or monthly. Default annual
 */
export type InterestRests = 'ANNUAL_REST' | 'QUARTERLY_REST' | 'MONTHLY_REST';
export type Moratorium = number;
/**
 * @minItems 1
 */
export type StructuredRepaymentOfTheLoanPerRepaymentYear = [Year1, ...Year1[]];
export type Year1 = number;
export type InterestOnWorkingCapitalPerYear = number;
export type DepreciationMethod = 'SLM';
/**
 * @minItems 1
 */
export type DepreciationClasses = [
  {
    asset: AssetClass;
    base: DepreciableBase;
    lifeYears: UsefulLife;
  },
  ...{
    asset: AssetClass;
    base: DepreciableBase;
    lifeYears: UsefulLife;
  }[]
];
export type AssetClass = string;
export type DepreciableBase = number;
export type UsefulLife = number;
export type DiscountRateForNPV = number;
export type ResidualValueBasis = string;
export type CurrentAssetsRequirement = number;
export type BankFinanceCashCredit = number;
export type Key = string;
export type Label = string;
export type ARPOBChange = number;
export type VariableCostChange = number;
export type OccupancyChangeRelative = number;
export type ProjectCostChangeSameDE = number;
export type InterestChange = number;
/**
 * Leave empty for the standard set (settings)
 */
export type SensitivityCases = {
  key: Key;
  label: Label;
  priceChangePct?: ARPOBChange;
  variableCostChangePct?: VariableCostChange;
  capacityChangePct?: OccupancyChangeRelative;
  projectCostChangePct?: ProjectCostChangeSameDE;
  interestChangePp?: InterestChange;
}[];
export type Risk = string;
/**
 * Key of a sensitivity case
 */
export type SensitivityCaseItCovers = string;
export type Likelihood = 'LOW' | 'MEDIUM' | 'HIGH';
export type Impact = 'LOW' | 'MEDIUM' | 'HIGH';
export type Mitigant = string;
export type RiskMatrix = {
  risk: Risk;
  sensitivityCaseKey?: SensitivityCaseItCovers;
  likelihood?: Likelihood;
  impact?: Impact;
  mitigant?: Mitigant;
}[];
export type Verdict = 'VIABLE' | 'VIABLE_WITH_CONDITIONS' | 'NOT_VIABLE';
export type Conclusion = string;
export type KeyConditionsAndCovenants = string;
export type IndependenceAndNoConflictDeclarationGiven = boolean;
export type Signatory = string;
export type Place = string;
export type Date1 = string;
export type Name1 = string;
export type Role = string;
export type Qualification1 = string;
export type Team = {
  name: Name1;
  role?: Role;
  qualification?: Qualification1;
}[];

/**
 * Techno-economic viability (TEV) study — independent consultant to lender (₹ in lakh)
 */
export interface PackInput {
  reportMeta?: Report;
  lender?: Lender;
  introduction?: Introduction;
  borrower?: PromotersAndEntity;
  project?: Project;
  technical?: Technical;
  market?: Market;
  projectCost?: CostOfProjectInLakh;
  meansOfFinance?: MeansOfFinanceInLakh;
  assumptions?: FinancialAssumptions;
  workingCapital?: WorkingCapitalForTheBalanceSheet;
  sensitivityCases?: SensitivityCases;
  riskMatrix?: RiskMatrix;
  verdict?: Verdict;
  conclusion?: Conclusion;
  keyConditions?: KeyConditionsAndCovenants;
  declarations?: Declarations;
  team?: Team;
}
export interface Report {
  refNo: ReferenceNo;
  reportDate: ReportDate;
  siteVisitDate?: SiteVisitDate;
  status?: Status;
  unit?: UnitOfAccount;
  consultant?: ConsultantFirm;
}
export interface Lender {
  name?: PreparedForBank;
  branch?: Branch;
  proposedExposure?: ProposedExposure;
}
export interface ProposedExposure {
  termLoan?: TermLoan;
  cashCredit?: CashCredit;
}
export interface Introduction {
  termsOfReference?: TermsOfReference;
  scope?: Scope;
  methodology?: Methodology;
  documentsReviewed?: DocumentsReviewed;
  limitations?: Limitations;
}
export interface PromotersAndEntity {
  name: Entity;
  constitution?: Constitution;
  cin?: CINLLPIN;
  category?: UdyamCategory;
  projectSite?: ProjectSite;
  promoters?: Promoters;
  groupExposure?: GroupExposure;
  creditHistory?: CreditHistory;
  keyPersonnel?: OrganisationAndKeyPersonnel;
}
export interface Project {
  description?: Project1;
  beds: CapacityBeds;
  scheduledCod?: ScheduledCODDCCO;
  constructionMonths?: ConstructionPeriod;
  economicLifeYears: EconomicLife;
  land?: Land;
  approvals?: Approvals;
  epcStructure?: EPCContractingStructure;
}
export interface Land {
  tenure?: Tenure;
  areaSqm?: Area;
  zoning?: Zoning;
}
export interface Technical {
  technology?: TechnologyAndProcess;
  equipment?: EquipmentVsBenchmarks;
  civil?: Civil;
  utilities?: Utilities;
  inputs?: Inputs;
  manpower?: Manpower;
  environmentAndSafety?: EnvironmentAndSafety;
  technicalRisks?: TechnicalRisks;
}
export interface Market {
  industry?: Industry;
  demandDrivers?: DemandDrivers;
  competition?: CatchmentCompetition;
  pricing?: PricingARPOB;
  rampUpJustification?: RampUpJustification;
}
export interface CostOfProjectInLakh {
  landLeasePremium?: LandLeasePremium;
  buildingAndCivil: BuildingAndCivil;
  medicalEquipment?: MedicalEquipment;
  nonMedicalEquipmentAndUtilities?: NonMedicalEquipmentAndUtilities;
  furnitureFixturesIt?: FurnitureFixturesAndIT;
  preOperativeInclIdc?: PreOperativeExpensesInclIDC;
  contingencyPctOnBuildingAndEquipment?: ContingencyRateOnBuildingMedicalNonMedicalEquipment;
  contingency?: Contingency;
  marginMoneyWorkingCapital?: MarginMoneyForWorkingCapital;
  total: TotalCostOfProject;
  benchmarks?: CostBenchmarks;
}
export interface MeansOfFinanceInLakh {
  promoterEquity: PromoterEquity;
  promoterUnsecuredLoanQuasiEquity?: PromoterUnsecuredLoanQuasiEquity;
  termLoan: TermLoan1;
  subsidy?: SubsidyGrant;
  others?: Others;
  total: Total;
  tieUpStatus?: TieUpStatus;
}
export interface FinancialAssumptions {
  projectionYears: ProjectionYears;
  occupancyPct: OccupancyByYear;
  arpobYear1Rs: ARPOBYear1;
  arpobGrowthPct?: ARPOBGrowth;
  variableCostPctOfRevenue: VariableCostOfRevenueAtBaseARPOB;
  fixedCashCostYear1: FixedCashCostYear1;
  fixedCostGrowthPct?: FixedCostGrowth;
  taxRatePct: TaxRate;
  lossCarryForward?: LossesCarriedForward;
  termLoanRatePct: TermLoanInterestRate;
  interestMethod?: InterestRests;
  moratoriumYears: Moratorium;
  repaymentPctByYear: StructuredRepaymentOfTheLoanPerRepaymentYear;
  workingCapitalInterestPerYear?: InterestOnWorkingCapitalPerYear;
  depreciationMethod?: DepreciationMethod;
  depreciationClasses: DepreciationClasses;
  discountRatePct: DiscountRateForNPV;
  residualValueBasis?: ResidualValueBasis;
}
/**
 * Current assets and the cash credit financing them. When not given, current assets = the working-capital margin in the cost of project + the proposed cash credit, and the cash credit is the lender's proposed one
 */
export interface WorkingCapitalForTheBalanceSheet {
  currentAssetsRequirement?: CurrentAssetsRequirement;
  bankFinance?: BankFinanceCashCredit;
}
export interface Declarations {
  independence?: IndependenceAndNoConflictDeclarationGiven;
  signatory?: Signatory;
  place?: Place;
  date?: Date1;
}
