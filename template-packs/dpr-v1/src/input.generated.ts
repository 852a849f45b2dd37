/* Generated from schema.json by `repogen-pack typegen`; do not edit. */

export type ReferenceNo = string;
export type ReportDate = string;
export type Status = 'DRAFT' | 'FINAL';
/**
 * DPR tables are in ₹ lakh, 2 decimals
 */
export type UnitOfAccount = 'INR_LAKH';
/**
 * e.g. FY 2026-27; years are labelled from COD
 */
export type FirstOperatingYear = string;
export type PreparedByConsultantCA = string;
export type NameOfTheEntity = string;
export type Constitution = string;
export type CINLLPIN = string;
export type PAN = string;
export type GSTIN = string;
export type UdyamRegistrationNo = string;
export type UdyamCategory = 'Micro Enterprise' | 'Small Enterprise' | 'Medium Enterprise' | 'Not MSME';
export type UnitAddress = string;
export type Name = string;
export type Designation = string;
export type Qualification = string;
export type Experience = number;
export type Shareholding = number;
export type NetWorth = number;
export type Promoters = {
  name: Name;
  role?: Designation;
  qualification?: Qualification;
  experienceYears?: Experience;
  sharePct?: Shareholding;
  netWorth?: NetWorth;
}[];
export type ExistingBankingAndCreditHistory = string;
export type Bank1 = string;
export type Branch = string;
export type TermLoan = number;
export type CashCreditWorkingCapital = number;
export type Product = string;
export type InstalledCapacity = number;
export type SellingPrice = number;
/**
 * Installed capacity × price ÷ 1,00,000; typed so a check can compare it
 */
export type SalesAt100Capacity = number;
export type Location = string;
export type Tenure = 'OWNED' | 'LEASED';
export type Area = number;
export type TitleLeaseDocument = string;
export type ApprovalNOC = string;
export type Authority = string;
export type Status1 = 'NOT_REQUIRED' | 'TO_APPLY' | 'APPLIED' | 'OBTAINED' | 'EXPIRED';
export type DateAppliedObtained = string;
export type ValidTill = string;
export type ApprovalsAndNOCs = {
  name: ApprovalNOC;
  authority?: Authority;
  status: Status1;
  date?: DateAppliedObtained;
  validTill?: ValidTill;
}[];
export type Milestone = string;
export type Planned = string;
export type Actual = string;
export type ImplementationSchedule = {
  milestone: Milestone;
  plannedDate?: Planned;
  actualDate?: Actual;
}[];
export type CommercialOperationDateCOD = string;
export type ProcessFlow = string;
export type Item = string;
export type Supplier = string;
export type QuotationNo = string;
export type QuotationDate = string;
export type Amount = number;
export type PlantAndMachineryQuotations = {
  item: Item;
  supplier?: Supplier;
  quotationNo?: QuotationNo;
  quotationDate?: QuotationDate;
  amount: Amount;
}[];
export type CivilWorksAreaRate = string;
export type Power = number;
export type Water = number;
export type Fuel = string;
export type RawMaterialsSourcePrice = string;
export type Category = string;
export type Count = number;
export type MonthlyWage = number;
export type Manpower = {
  category: Category;
  count?: Count;
  monthlyWageRupees?: MonthlyWage;
}[];
export type EffluentAndEnvironment = string;
export type DemandAndSupply = string;
export type Customers = string;
export type Competition = string;
export type Pricing = string;
export type MarketingArrangements = string;
export type Strengths = string;
export type Weaknesses = string;
export type Opportunities = string;
export type Threats = string;
export type LandAndSiteDevelopment = number;
export type BuildingAndCivilWorks = number;
export type PlantAndMachineryInclFreightTaxesErection = number;
export type MiscellaneousFixedAssets = number;
export type PreliminaryAndPreOperativeExpensesInclIDC = number;
export type ContingencyRateOnBuildingPlantAndMachinery = number;
export type Contingency = number;
export type MarginMoneyForWorkingCapital = number;
/**
 * As typed; the pack re-adds the heads
 */
export type TotalCostOfProject = number;
export type PromotersShareCapital = number;
export type PromotersUnsecuredLoanQuasiEquitySubordinated = number;
export type TermLoan1 = number;
export type SubsidyGrant = number;
export type Others = number;
export type TotalMeansOfFinance = number;
export type ProjectionYears = number;
/**
 * @minItems 3
 * @maxItems 15
 */
export type CapacityUtilisationByYear = [Year, Year, Year, ...Year[]];
export type Year = number;
/**
 * Needed when year-1 utilisation is above 70 %
 */
export type JustificationOfTheRampUp = string;
export type VariableCostOfSalesAtBasePrice = number;
export type FixedCashCostYear1 = number;
export type FixedCostGrowth = number;
export type TaxRate = number;
/**
 * Default yes
 */
export type LossesCarriedForward = boolean;
export type TermLoanInterestRate = number;
/**
 * Interest on the balance outstanding at each rest, instalments falling on the same dates: annual (on the opening balance, instalments at the year end), quarterly or monthly. Default annual
 */
export type InterestRests = 'ANNUAL_REST' | 'QUARTERLY_REST' | 'MONTHLY_REST';
/**
 * Equal principal instalments, or equated instalments of principal and interest (EMI = P·r·(1+r)^n ÷ ((1+r)^n − 1) per rest). A structured repayment below takes precedence. Default equal principal
 */
export type RepaymentMethod = 'EQUAL_PRINCIPAL' | 'EMI';
export type Moratorium = number;
export type RepaymentInstalmentsYears = number;
/**
 * Equal principal: term loan ÷ (repayment years × rests a year); EMI: the equated instalment. Checked against the schedule
 */
export type InstalmentPerRestAsTyped = number;
export type Year1 = number;
/**
 * Leave empty for equal instalments; must add up to 100
 */
export type StructuredRepaymentOfTermLoanPerRepaymentYear = Year1[];
export type InterestOnWorkingCapitalPerYear = number;
export type DepreciationMethod = 'SLM';
/**
 * Straight-line: base ÷ life a year. Land is not depreciated.
 *
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
/**
 * e.g. Building, Plant & machinery incl. contingency
 */
export type AssetClass = string;
/**
 * Gross block of the class (₹ lakh)
 */
export type DepreciableBase = number;
export type UsefulLife = number;
export type PreOperativeExpensesWrittenOffOver = number;
export type DiscountRateForNPV = number;
/**
 * Land at cost + net block + WC margin recovered
 */
export type ResidualValueBasis = string;
export type CurrentAssetsRequirementInventoryAndReceivables = number;
export type PromoterMargin = number;
export type MarginFromCostOfProject = number;
export type BankFinanceCashCredit = number;
export type Method = string;
/**
 * Stable id, e.g. salesPriceMinus5
 */
export type Key = string;
export type Label = string;
/**
 * Relative; variable cost per unit is unchanged
 */
export type SellingPriceChange = number;
/**
 * Relative change of variable cost
 */
export type VariableCostChange = number;
/**
 * Relative, e.g. −10 → 80 % becomes 72 %
 */
export type CapacityUtilisationChange = number;
/**
 * Every cost head and means of finance scale together (same D/E)
 */
export type ProjectCostChange = number;
/**
 * Percentage points
 */
export type TermLoanInterestChange = number;
/**
 * Shocks applied to the base case one driver set at a time; leave empty for the standard set (settings).
 */
export type SensitivityCases = {
  key: Key;
  label: Label;
  priceChangePct?: SellingPriceChange;
  variableCostChangePct?: VariableCostChange;
  capacityChangePct?: CapacityUtilisationChange;
  projectCostChangePct?: ProjectCostChange;
  interestChangePp?: TermLoanInterestChange;
}[];
export type Conclusion = string;
export type Name1 = string;
export type Designation1 = string;
export type Place = string;
export type Date = string;

/**
 * Detailed project report (DPR) — project cost, means of finance, projections, ratios (₹ in lakh)
 */
export interface PackInput {
  reportMeta?: Report;
  borrower?: Entity;
  bank?: Bank;
  product?: ProductAndCapacity;
  project?: Project;
  technical?: Technical;
  market?: Market;
  projectCost?: CostOfProjectInLakh;
  meansOfFinance?: MeansOfFinanceInLakh;
  assumptions?: FinancialAssumptions;
  workingCapital?: WorkingCapitalAssessment;
  sensitivityCases?: SensitivityCases;
  conclusion?: Conclusion;
  signatory?: AuthorisedSignatory;
}
export interface Report {
  refNo: ReferenceNo;
  reportDate: ReportDate;
  status?: Status;
  unit?: UnitOfAccount;
  firstOperatingYear?: FirstOperatingYear;
  preparedBy?: PreparedByConsultantCA;
}
export interface Entity {
  name: NameOfTheEntity;
  constitution?: Constitution;
  cin?: CINLLPIN;
  pan?: PAN;
  gstin?: GSTIN;
  udyam?: UdyamRegistrationNo;
  category?: UdyamCategory;
  unitAddress?: UnitAddress;
  promoters?: Promoters;
  bankingHistory?: ExistingBankingAndCreditHistory;
}
export interface Bank {
  name?: Bank1;
  branch?: Branch;
  facilities?: FacilitiesSought;
}
export interface FacilitiesSought {
  termLoan?: TermLoan;
  cashCredit?: CashCreditWorkingCapital;
}
export interface ProductAndCapacity {
  description?: Product;
  installedCapacityTpa: InstalledCapacity;
  sellingPricePerTonne: SellingPrice;
  salesAt100PctLakh?: SalesAt100Capacity;
}
export interface Project {
  location?: Location;
  land?: Land;
  approvals?: ApprovalsAndNOCs;
  implementationSchedule?: ImplementationSchedule;
  codDate?: CommercialOperationDateCOD;
}
export interface Land {
  tenure?: Tenure;
  areaSqm?: Area;
  title?: TitleLeaseDocument;
}
export interface Technical {
  processFlow?: ProcessFlow;
  machinery?: PlantAndMachineryQuotations;
  civilWorks?: CivilWorksAreaRate;
  utilities?: Utilities;
  rawMaterials?: RawMaterialsSourcePrice;
  manpower?: Manpower;
  environment?: EffluentAndEnvironment;
}
export interface Utilities {
  powerKw?: Power;
  waterKld?: Water;
  fuel?: Fuel;
}
export interface Market {
  demandSupply?: DemandAndSupply;
  customers?: Customers;
  competition?: Competition;
  pricing?: Pricing;
  marketing?: MarketingArrangements;
  swot?: SWOT;
}
export interface SWOT {
  strengths?: Strengths;
  weaknesses?: Weaknesses;
  opportunities?: Opportunities;
  threats?: Threats;
}
export interface CostOfProjectInLakh {
  landAndSiteDevelopment: LandAndSiteDevelopment;
  buildingAndCivilWorks: BuildingAndCivilWorks;
  plantAndMachinery: PlantAndMachineryInclFreightTaxesErection;
  miscFixedAssets?: MiscellaneousFixedAssets;
  preliminaryAndPreOperative?: PreliminaryAndPreOperativeExpensesInclIDC;
  contingencyPctOnBuildingAndPM?: ContingencyRateOnBuildingPlantAndMachinery;
  contingency?: Contingency;
  marginMoneyWorkingCapital?: MarginMoneyForWorkingCapital;
  total: TotalCostOfProject;
}
export interface MeansOfFinanceInLakh {
  promoterShareCapital: PromotersShareCapital;
  promoterUnsecuredLoanQuasiEquity?: PromotersUnsecuredLoanQuasiEquitySubordinated;
  termLoan: TermLoan1;
  subsidy?: SubsidyGrant;
  others?: Others;
  total: TotalMeansOfFinance;
}
export interface FinancialAssumptions {
  projectionYears: ProjectionYears;
  capacityUtilisationPct: CapacityUtilisationByYear;
  rampUpJustification?: JustificationOfTheRampUp;
  variableCostPctOfSales: VariableCostOfSalesAtBasePrice;
  fixedCashCostPerYear: FixedCashCostYear1;
  fixedCostGrowthPct?: FixedCostGrowth;
  taxRatePct: TaxRate;
  lossCarryForward?: LossesCarriedForward;
  termLoanRatePct: TermLoanInterestRate;
  interestMethod?: InterestRests;
  repaymentMethod?: RepaymentMethod;
  moratoriumYears: Moratorium;
  repaymentYears: RepaymentInstalmentsYears;
  repaymentInstalment?: InstalmentPerRestAsTyped;
  repaymentPctByYear?: StructuredRepaymentOfTermLoanPerRepaymentYear;
  workingCapitalInterestPerYear?: InterestOnWorkingCapitalPerYear;
  depreciationMethod?: DepreciationMethod;
  depreciationClasses: DepreciationClasses;
  preOperativeAmortisationYears?: PreOperativeExpensesWrittenOffOver;
  discountRatePct: DiscountRateForNPV;
  residualValueBasis?: ResidualValueBasis;
}
export interface WorkingCapitalAssessment {
  currentAssetsRequirement: CurrentAssetsRequirementInventoryAndReceivables;
  marginPct?: PromoterMargin;
  margin?: MarginFromCostOfProject;
  bankFinance: BankFinanceCashCredit;
  method?: Method;
}
export interface AuthorisedSignatory {
  name?: Name1;
  designation?: Designation1;
  place?: Place;
  date?: Date;
}
