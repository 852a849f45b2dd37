/* Generated from schema.json by `repogen-pack typegen`; do not edit. */

export type ReferenceNo = string;
export type InspectionNo = number;
export type InspectionDate = string;
export type ReportDate = string;
export type PeriodFrom = string;
export type PeriodTo = string;
export type Status = 'DRAFT' | 'FINAL';
/**
 * ₹ in lakh, 2 decimals
 */
export type UnitOfAccount = 'INR_LAKH';
export type Bank = string;
export type Branch = string;
export type Facility = string;
export type SanctionedAmount = number;
export type SanctionDate = string;
export type Name = string;
/**
 * Empty for a project outside RERA
 */
export type RERARegistrationNo = string;
export type RERACompletionDate = string;
export type DCCODateOfCommencementOfCommercialOperations = string;
export type ProjectName = string;
export type Address = string;
export type Latitude = number;
export type Longitude = number;
export type Tower = string;
export type Configuration = string;
export type SlabsTotal = number;
export type SlabsCast = number;
export type TowersBlocks = {
  name: Tower;
  floors?: Configuration;
  slabsTotal?: SlabsTotal;
  slabsCast?: SlabsCast;
}[];
export type UnitsTotal = number;
export type UnitsBooked = number;
export type ConstructionStart = string;
export type PlannedDuration = number;
export type MonthsElapsed = number;
export type LandAndApprovals = number;
export type Construction = number;
export type ProfessionalFeesAndOverheads = number;
export type Marketing = number;
export type FinanceCost = number;
export type Total = number;
export type PromoterEquity = number;
export type BankFinance = number;
export type CustomerAdvances = number;
export type Total1 = number;
/**
 * Which stage definitions the weights come from (defaults in settings)
 */
export type StageTemplate = 'COST_WEIGHTED' | 'CLP_MAHARERA' | 'INDIVIDUAL_HOUSE';
/**
 * @minItems 1
 */
export type ComponentsStages = [
  {
    component: ComponentStage;
    weightPct: Weight;
    progressPct: Complete;
    previousProgressPct?: CompleteAtTheLastReport;
    towerNotes?: TowerWiseNotesSlabsCastTotal;
    activitiesThisPeriod?: ActivitiesThisPeriod;
  },
  ...{
    component: ComponentStage;
    weightPct: Weight;
    progressPct: Complete;
    previousProgressPct?: CompleteAtTheLastReport;
    towerNotes?: TowerWiseNotesSlabsCastTotal;
    activitiesThisPeriod?: ActivitiesThisPeriod;
  }[]
];
export type ComponentStage = string;
/**
 * % of the construction budget; the weights sum to 100
 */
export type Weight = number;
/**
 * 0–100
 */
export type Complete = number;
export type CompleteAtTheLastReport = number;
export type TowerWiseNotesSlabsCastTotal = string;
export type ActivitiesThisPeriod = string;
/**
 * From the baseline S-curve
 */
export type PlannedPhysicalProgressAsOnDate = number;
export type Milestone = string;
export type Planned = string;
export type Actual = string;
export type Milestones = {
  milestone: Milestone;
  plannedDate?: Planned;
  actualDate?: Actual;
}[];
export type CertificateNo = string;
export type UDIN = string;
export type AsOn = string;
export type LandAndApprovals1 = number;
export type Construction1 = number;
export type ProfessionalFeesAndOverheads1 = number;
export type Marketing1 = number;
export type FinanceCost1 = number;
export type Total2 = number;
/**
 * Counted only when the LIE has verified it
 */
export type MaterialAtSiteVerified = number;
export type AdvancesToContractors = number;
export type CostNotSupportedByDocuments = number;
export type PromoterEquity1 = number;
export type CustomerAdvancesReceived = number;
export type CustomerAdvancesDepositedInTheRERADesignatedAccount = number;
export type BankDisbursedToDate = number;
export type SundryCreditors = number;
export type AmountRequested = number;
export type RequestDate = string;
export type InspectionNo1 = number;
export type Date = string;
export type Recommended = number;
export type Disbursed = number;
export type PreviousRecommendationsVsDisbursements = {
  inspectionNo?: InspectionNo1;
  date?: Date;
  recommended: Recommended;
  disbursed: Disbursed;
}[];
export type RERAQPRFiledForTheLastQuarter = boolean;
export type CARInsuranceValidTill = string;
export type LabourCessPaid = boolean;
export type ApprovalsStatus = string;
export type QualityAndSafetyObservations = string;
export type DeviationsFromTheSanctionedPlan = string;
export type File = string;
export type Caption = string;
/**
 * ISO 8601 with the camera's offset
 */
export type TakenAt = string;
export type Latitude1 = number;
export type Longitude1 = number;
/**
 * Defaults to a tower named in the caption
 */
export type TowerShown = string;
export type ProgressPhotographs = {
  file: File;
  caption?: Caption;
  takenAt: TakenAt;
  lat?: Latitude1;
  lng?: Longitude1;
  tower?: TowerShown;
}[];
/**
 * Leave empty to recommend the eligible tranche the pack works out
 */
export type AmountRecommendedIfTheLIETypesOne = number;
export type ConditionsPrecedent = string;
export type NextInspection = string;
export type LIECharteredEngineer = string;

/**
 * Stage-wise construction progress / LIE disbursement report (₹ in lakh)
 */
export interface PackInput {
  reportMeta?: Report;
  lender?: Lender;
  promoter?: PromoterBorrower;
  project?: Project;
  budget?: ProjectBudgetInLakh;
  meansOfFinance?: MeansOfFinanceInLakh;
  stageTemplate?: StageTemplate;
  components?: ComponentsStages;
  plannedPhysicalProgressPctAsOnDate?: PlannedPhysicalProgressAsOnDate;
  milestones?: Milestones;
  costIncurredCa?: CostIncurredCACertificateInLakh;
  lieVerification?: LIEVerificationInLakh;
  fundsInfused?: FundsInfusedToDateInLakh;
  disbursementRequest?: DisbursementRequest;
  previousTranches?: PreviousRecommendationsVsDisbursements;
  statutory?: Compliance;
  photos?: ProgressPhotographs;
  recommendation?: Recommendation;
}
export interface Report {
  refNo: ReferenceNo;
  inspectionNo?: InspectionNo;
  inspectionDate: InspectionDate;
  reportDate: ReportDate;
  periodFrom?: PeriodFrom;
  periodTo?: PeriodTo;
  status?: Status;
  unit?: UnitOfAccount;
}
export interface Lender {
  name?: Bank;
  branch?: Branch;
  facility?: Facility;
  sanctionedAmount: SanctionedAmount;
  sanctionDate?: SanctionDate;
}
export interface PromoterBorrower {
  name?: Name;
  reraRegNo?: RERARegistrationNo;
  reraCompletionDate?: RERACompletionDate;
  dccoDate?: DCCODateOfCommencementOfCommercialOperations;
}
export interface Project {
  name?: ProjectName;
  address?: Address;
  gps: SiteGPS;
  towers?: TowersBlocks;
  units?: Units;
  constructionStart?: ConstructionStart;
  plannedDurationMonths: PlannedDuration;
  monthsElapsed?: MonthsElapsed;
}
export interface SiteGPS {
  lat: Latitude;
  lng: Longitude;
}
export interface Units {
  total?: UnitsTotal;
  booked?: UnitsBooked;
}
export interface ProjectBudgetInLakh {
  landAndApprovals?: LandAndApprovals;
  construction: Construction;
  professionalFeesAndOverheads?: ProfessionalFeesAndOverheads;
  marketing?: Marketing;
  financeCost?: FinanceCost;
  total: Total;
}
export interface MeansOfFinanceInLakh {
  promoterEquity?: PromoterEquity;
  bankConstructionFinance?: BankFinance;
  customerAdvances?: CustomerAdvances;
  total?: Total1;
}
export interface CostIncurredCACertificateInLakh {
  certificateNo?: CertificateNo;
  udin?: UDIN;
  asOn?: AsOn;
  landAndApprovals?: LandAndApprovals1;
  construction: Construction1;
  professionalFeesAndOverheads?: ProfessionalFeesAndOverheads1;
  marketing?: Marketing1;
  financeCost?: FinanceCost1;
  total: Total2;
}
export interface LIEVerificationInLakh {
  materialAtSiteVerified?: MaterialAtSiteVerified;
  advancesToContractors?: AdvancesToContractors;
  costNotSupported?: CostNotSupportedByDocuments;
}
export interface FundsInfusedToDateInLakh {
  promoterEquity: PromoterEquity1;
  customerAdvancesReceived?: CustomerAdvancesReceived;
  customerAdvancesInReraDesignatedAccount?: CustomerAdvancesDepositedInTheRERADesignatedAccount;
  bankDisbursedToDate: BankDisbursedToDate;
  sundryCreditors?: SundryCreditors;
}
export interface DisbursementRequest {
  requestedAmount: AmountRequested;
  requestDate?: RequestDate;
}
export interface Compliance {
  reraQprFiledForQuarter?: RERAQPRFiledForTheLastQuarter;
  insuranceCarPolicyValidTill?: CARInsuranceValidTill;
  labourCessPaid?: LabourCessPaid;
  approvalsStatus?: ApprovalsStatus;
  qualityAndSafetyObservations?: QualityAndSafetyObservations;
  deviationsFromSanctionedPlan?: DeviationsFromTheSanctionedPlan;
}
export interface Recommendation {
  amount?: AmountRecommendedIfTheLIETypesOne;
  conditionsPrecedent?: ConditionsPrecedent;
  nextInspectionDate?: NextInspection;
  signatory?: LIECharteredEngineer;
}
