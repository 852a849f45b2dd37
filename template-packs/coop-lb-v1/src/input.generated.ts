/* Generated from schema.json by `repogen-pack typegen`; do not edit. */

export type JobReferenceNo = string;
export type ReportDate = string;
/**
 * Date the valuer inspected the site; read from the GPS-camera overlay
 */
export type DateOfInspection = string;
/**
 * The "as on" date of the values; the report date when empty
 */
export type DateOfValuationAsOn = string;
export type Status = 'DRAFT' | 'FINAL';
export type Format = 'A_LAND_AND_BUILDING' | 'B_AGRI_LAND' | 'C_FLAT';
/**
 * Name of the co-operative bank: the only thing that changes between co-op reports
 */
export type Bank = string;
export type BranchAndAddress = string;
export type ToOfficer = string;
export type BorrowerName = string;
export type LoanProduct = string;
export type PurposeOfValuation = string;
export type Type = string;
export type Number = string;
export type Date = string;
export type Issuer = string;
export type DocumentsPerused = Document[];
export type Name = string;
export type RelationSOWO = string;
export type Share = number;
export type Phone = string;
export type Address = string;
export type Owners = Owner[];
export type BriefDescription = string;
export type Tenure = 'FREEHOLD' | 'LEASEHOLD';
export type Lessor = string;
export type LeaseExpiryDate = string;
export type ResidualTerm = number;
export type PlotNo = string;
export type SurveyNo = string;
export type DoorNo = string;
export type TSNoVillage = string;
export type WardTaluka = string;
export type MandalDistrict = string;
export type PostalAddress = string;
export type PIN = string;
export type AreaType = 'RESIDENTIAL' | 'COMMERCIAL' | 'INDUSTRIAL';
export type Class = 'HIGH' | 'MIDDLE' | 'POOR';
export type Urbanity = 'METRO' | 'URBAN' | 'SEMI_URBAN' | 'RURAL';
export type LocalBody = string;
export type StateCentralEnactments = string;
export type AgriculturalLandConversionContemplated = string;
export type North = string;
export type South = string;
export type East = string;
export type West = string;
export type North1 = string;
export type South1 = string;
export type East1 = string;
export type West1 = string;
export type BoundariesMatch = boolean;
export type Remark = string;
export type North2 = number;
export type South2 = number;
export type East2 = number;
export type West2 = number;
export type North3 = number;
export type South3 = number;
export type East3 = number;
export type West3 = number;
export type Latitude = number;
export type Longitude = number;
export type AsPerDeed1 = number;
export type Actual = number;
export type Status1 = 'OWNER_OCCUPIED' | 'TENANTED' | 'VACANT';
export type TenantSince = string | null;
export type RentPerMonth = number | null;
export type LocalityClass = string;
export type DevelopmentOfSurroundings = string;
export type FloodingSubmergence = string;
export type School = number;
export type Hospital = number;
export type BusStop = number;
export type Market = number;
export type LevelAndTopography = string;
export type Shape = string;
export type PermittedUse = string;
export type UsageRestrictions = string;
export type InATownPlanningApprovedLayout = boolean;
export type CornerPlot = boolean;
export type RoadType = string;
export type RoadWidth = number;
export type RoadWiderThan20Ft = boolean;
export type LandLocked = boolean;
export type WaterPotential = string;
export type UndergroundSewerage = boolean;
export type PowerSupply = boolean;
export type Advantages = string;
export type CRZApplicable = boolean;
export type SpecialRemarks = string;
/**
 * Rate the valuer considers; the market rate printed is this ÷ the adopted-to-market factor (0.80 unless the bank sets another; firm rule for co-operative banks)
 */
export type AdoptedConsideredRatePerSqM = number;
/**
 * Adopted rate typed per sq ft; converted to per sq m (1 sq m = 10.7639 sq ft)
 */
export type AdoptedConsideredRatePerSqFt = number;
/**
 * Land value typed by the valuer; the working (extent × rate) is offered as a suggestion
 */
export type LandValueAdopted = number;
export type GuidelineRatePerSqM = number;
export type GuidelineRateEvidence = string;
export type Description = string;
export type Date1 = string;
export type Area = number;
export type RatePerSqM = number;
export type Source = string;
export type ComparableTransactions = Comparable[];
/**
 * Why FMV differs from the guideline value by 20 % or more
 */
export type JustificationForVariationFromGuidelineValue = string;
export type TypeOfBuilding = 'RESIDENTIAL' | 'COMMERCIAL' | 'INDUSTRIAL';
export type TypeOfConstruction = 'LOAD_BEARING' | 'RCC_FRAMED' | 'STEEL_FRAMED' | 'TEMPORARY';
export type YearOfConstruction = number;
/**
 * Total economic life; depreciation % = age ÷ life × 100
 */
export type EstimatedTotalLife = number;
/**
 * Salvage value %; empty means the firm default (0 %)
 */
export type SalvageValue = number;
/**
 * Building value typed by the valuer; the working (cost less depreciation) is a suggestion
 */
export type BuildingValueAdoptedByTheValuerBlankPartBWorking = number;
export type Particulars = string;
export type PlinthBuiltUpArea = number;
export type ApprovedArea = number;
export type RoofHeight = number;
export type ReplacementRatePerSqM = number;
export type Floors = Floor[];
export type Exterior = 'EXCELLENT' | 'GOOD' | 'NORMAL' | 'POOR';
export type Interior = 'EXCELLENT' | 'GOOD' | 'NORMAL' | 'POOR';
export type Number1 = string;
export type Date2 = string;
export type Authority = string;
export type GenuinenessVerified = boolean;
export type PermissibleFSI = number;
export type RemarkIfNotProduced = string;
export type RemarkOnDeviationFromTheApprovedPlan = string;
export type Foundation = string;
export type Basement = string;
export type Superstructure = string;
export type JoineryDoorsAndWindows = string;
export type RCCWorks = string;
export type Plastering = string;
export type FlooringSkirtingDado = string;
export type SpecialFinish = string;
export type RoofingInclWeatherproofing = string;
export type Drainage = string;
export type Height = number;
export type Length = number;
export type Type1 = string;
export type Wiring = string;
export type ClassOfFittings = string;
export type LightPoints = number;
export type FanPoints = number;
export type SparePlugPoints = number;
export type WaterClosets = number;
export type WashBasins = number;
export type Urinals = number;
export type BathTubs = number;
export type Taps = number;
export type Portico = number;
export type OrnamentalFrontDoor = number;
export type SitOutVerandahWithGrills = number;
export type OverheadWaterTank = number;
export type ExtraSteelCollapsibleGates = number;
export type Wardrobes = number;
export type GlazedTiles = number;
export type ExtraSinksAndBathTub = number;
export type MarbleCeramicTilesFlooring = number;
export type InteriorDecorations = number;
export type ArchitecturalElevationWorks = number;
export type PanellingWorks = number;
export type AluminiumWorks = number;
export type AluminiumHandRails = number;
export type FalseCeiling = number;
export type SeparateToiletRoom = number;
export type SeparateLumberRoom = number;
export type SeparateWaterTankSump = number;
export type TreesGardening = number;
export type WaterSupplyArrangements = number;
export type DrainageArrangements = number;
export type CompoundWall1 = number;
export type CBDepositsFittings = number;
export type Pavement = number;
/**
 * Guideline (circle / ASR) land rate per sq m; empty prints guideline and book value as NA
 */
export type GuidelineLandRatePerSqM = number;
/**
 * Guideline construction rate per sq m of built-up area
 */
export type GuidelineConstructionRatePerSqM = number;
export type Basis = string;
export type Name1 = string;
export type Qualifications = string;
export type IBBIRegistrationNo = string;
export type ValuersInstituteMembership = string;
export type BankPanelCode = string;
export type PAN = string;
export type Firm = string;
export type Place = string;
export type File = string;
export type Caption = string;
export type TakenAt = string;
export type Latitude1 = number;
export type Longitude1 = number;
/**
 * Each photograph with its GPS-camera timestamp and coordinates
 */
export type PhotographDetailsFromTheGPSCamera = Photo[];
export type Annexure = string;
export type AnnexuresEnclosed = Annexure[];
export type Floor1 = string;
export type DoorFlatNo = string;
export type CarpetArea = number;
export type BuiltUpArea = number;
export type SuperBuiltUpArea = number;
export type UndividedShareOfLandUDS = number;
/**
 * Adopted land rate for the UDS; the printed market figures are adopted ÷ the adopted-to-market factor (0.80 unless the bank sets another)
 */
export type LandRatePerSqMOfUDS = number;
export type ReplacementRateWithServicesPerSqM = number;
export type YearOfConstruction1 = number;
export type AgeIfTheYearIsNotKnown = number;
export type EstimatedTotalLife1 = number;
export type SalvageValue1 = number;
export type Wardrobes1 = number;
export type Showcases = number;
export type KitchenArrangements = number;
export type SuperfineFinish = number;
export type InteriorDecorations1 = number;
export type ElectricityDepositsElectricalFittings = number;
export type ExtraCollapsibleGatesGrillWorks = number;
export type CoveredCarParking = number;

/**
 * Co-operative bank valuation report (one format for every co-operative bank; only the bank name changes)
 */
export interface PackInput {
  reportMeta?: Report;
  addressee?: Addressee;
  purpose?: PurposeOfValuation;
  documentsPerused?: DocumentsPerused;
  owners?: Owners;
  property?: Property;
  siteCharacteristics?: CharacteristicsOfSite;
  partA_land?: Land;
  partB_building?: Building;
  partC_extraItems?: PartCExtraItems;
  partD_amenities?: PartDAmenities;
  partE_miscellaneous?: PartEMiscellaneous;
  partF_services?: PartFServices;
  guideline?: GuidelineValue;
  valuer?: Valuer;
  photos?: PhotographDetailsFromTheGPSCamera;
  annexures?: AnnexuresEnclosed;
  flat?: FlatFormatCCompositeRateMethod;
}
export interface Report {
  refNo?: JobReferenceNo;
  reportDate?: ReportDate;
  inspectionDate?: DateOfInspection;
  valuationDate?: DateOfValuationAsOn;
  status?: Status;
  format?: Format;
}
export interface Addressee {
  bank?: Bank;
  branch?: BranchAndAddress;
  officer?: ToOfficer;
  borrower?: BorrowerName;
  loanProduct?: LoanProduct;
}
export interface Document {
  type?: Type;
  number?: Number;
  date?: Date;
  issuer?: Issuer;
}
export interface Owner {
  name?: Name;
  relation?: RelationSOWO;
  sharePct?: Share;
  phone?: Phone;
  address?: Address;
}
export interface Property {
  description?: BriefDescription;
  tenure?: Tenure;
  lease?: LeaseIfLeasehold;
  location?: Location;
  areaType?: AreaType;
  classification?: Classification;
  localBody?: LocalBody;
  govtEnactments?: StateCentralEnactments;
  agriculturalConversion?: AgriculturalLandConversionContemplated;
  boundaries?: Boundaries;
  dimensionsM?: Dimensions;
  gps?: LatitudeLongitude;
  extentSqm?: ExtentOfSite;
  occupancy?: Occupancy;
}
export interface LeaseIfLeasehold {
  lessor?: Lessor;
  expiryDate?: LeaseExpiryDate;
  residualTermYears?: ResidualTerm;
}
export interface Location {
  plotNo?: PlotNo;
  surveyNo?: SurveyNo;
  doorNo?: DoorNo;
  tsNoVillage?: TSNoVillage;
  wardTaluka?: WardTaluka;
  mandalDistrict?: MandalDistrict;
  postalAddress?: PostalAddress;
  pin?: PIN;
}
export interface Classification {
  class?: Class;
  urbanity?: Urbanity;
}
/**
 * Boundaries (I.13) as per deed and as per site; a remark explains any difference
 */
export interface Boundaries {
  asPerDeed?: AsPerDeed;
  asPerSite?: AsPerSite;
  matching?: BoundariesMatch;
  remark?: Remark;
}
export interface AsPerDeed {
  north?: North;
  south?: South;
  east?: East;
  west?: West;
}
export interface AsPerSite {
  north?: North1;
  south?: South1;
  east?: East1;
  west?: West1;
}
export interface Dimensions {
  asPerDeed?: AsPerDeedA;
  actual?: ActualB;
}
export interface AsPerDeedA {
  north?: North2;
  south?: South2;
  east?: East2;
  west?: West2;
}
export interface ActualB {
  north?: North3;
  south?: South3;
  east?: East3;
  west?: West3;
}
export interface LatitudeLongitude {
  lat?: Latitude;
  lng?: Longitude;
}
/**
 * Extent of site (I.15): as per deed and as measured; the lesser is considered (I.16)
 */
export interface ExtentOfSite {
  asPerDeed?: AsPerDeed1;
  actual?: Actual;
}
export interface Occupancy {
  status?: Status1;
  tenantSince?: TenantSince;
  rentPerMonth?: RentPerMonth;
}
export interface CharacteristicsOfSite {
  locality?: LocalityClass;
  surroundingDevelopment?: DevelopmentOfSurroundings;
  floodingRisk?: FloodingSubmergence;
  civicAmenitiesKm?: DistanceToCivicAmenities;
  levelTopography?: LevelAndTopography;
  shape?: Shape;
  permittedUse?: PermittedUse;
  usageRestriction?: UsageRestrictions;
  inTpApprovedLayout?: InATownPlanningApprovedLayout;
  cornerPlot?: CornerPlot;
  roadType?: RoadType;
  roadWidthM?: RoadWidth;
  roadWidthAbove20ft?: RoadWiderThan20Ft;
  landLocked?: LandLocked;
  waterPotentiality?: WaterPotential;
  undergroundSewerage?: UndergroundSewerage;
  powerSupply?: PowerSupply;
  advantages?: Advantages;
  crzApplicable?: CRZApplicable;
  specialRemarks?: SpecialRemarks;
}
export interface DistanceToCivicAmenities {
  school?: School;
  hospital?: Hospital;
  busStop?: BusStop;
  market?: Market;
}
export interface Land {
  adoptedRatePerSqm?: AdoptedConsideredRatePerSqM;
  adoptedRatePerSqft?: AdoptedConsideredRatePerSqFt;
  landValueAdopted?: LandValueAdopted;
  guidelineRatePerSqm?: GuidelineRatePerSqM;
  guidelineEvidence?: GuidelineRateEvidence;
  comparables?: ComparableTransactions;
  guidelineVariationJustification?: JustificationForVariationFromGuidelineValue;
}
export interface Comparable {
  description?: Description;
  date?: Date1;
  areaSqm?: Area;
  ratePerSqm?: RatePerSqM;
  source?: Source;
}
export interface Building {
  typeOfBuilding?: TypeOfBuilding;
  typeOfConstruction?: TypeOfConstruction;
  yearOfConstruction?: YearOfConstruction;
  estimatedTotalLifeYears?: EstimatedTotalLife;
  salvagePct?: SalvageValue;
  buildingValueAdopted?: BuildingValueAdoptedByTheValuerBlankPartBWorking;
  floors?: Floors;
  condition?: Condition;
  approvedPlan?: ApprovedPlan;
  deviationRemark?: RemarkOnDeviationFromTheApprovedPlan;
  specifications?: Specifications;
  compoundWall?: CompoundWall;
  electrical?: Electrical;
  plumbing?: Plumbing;
}
export interface Floor {
  floor?: Particulars;
  plinthAreaSqm?: PlinthBuiltUpArea;
  approvedAreaSqm?: ApprovedArea;
  roofHeightM?: RoofHeight;
  replacementRatePerSqm?: ReplacementRatePerSqM;
}
export interface Condition {
  exterior?: Exterior;
  interior?: Interior;
}
export interface ApprovedPlan {
  number?: Number1;
  date?: Date2;
  authority?: Authority;
  genuinenessVerified?: GenuinenessVerified;
  permissibleFsi?: PermissibleFSI;
  notProducedRemark?: RemarkIfNotProduced;
}
export interface Specifications {
  foundation?: Foundation;
  basement?: Basement;
  superstructure?: Superstructure;
  joinery?: JoineryDoorsAndWindows;
  rccWorks?: RCCWorks;
  plastering?: Plastering;
  flooring?: FlooringSkirtingDado;
  specialFinish?: SpecialFinish;
  roofing?: RoofingInclWeatherproofing;
  drainage?: Drainage;
}
export interface CompoundWall {
  heightM?: Height;
  lengthM?: Length;
  type?: Type1;
}
export interface Electrical {
  wiring?: Wiring;
  fittingsClass?: ClassOfFittings;
  lightPoints?: LightPoints;
  fanPoints?: FanPoints;
  sparePlugPoints?: SparePlugPoints;
}
export interface Plumbing {
  waterClosets?: WaterClosets;
  washBasins?: WashBasins;
  urinals?: Urinals;
  bathTubs?: BathTubs;
  taps?: Taps;
}
export interface PartCExtraItems {
  portico?: Portico;
  ornamentalFrontDoor?: OrnamentalFrontDoor;
  sitOutVerandahWithGrills?: SitOutVerandahWithGrills;
  overheadWaterTank?: OverheadWaterTank;
  extraSteelCollapsibleGates?: ExtraSteelCollapsibleGates;
}
export interface PartDAmenities {
  wardrobes?: Wardrobes;
  glazedTiles?: GlazedTiles;
  extraSinksAndBathTub?: ExtraSinksAndBathTub;
  marbleCeramicFlooring?: MarbleCeramicTilesFlooring;
  interiorDecorations?: InteriorDecorations;
  architecturalElevationWorks?: ArchitecturalElevationWorks;
  panelingWorks?: PanellingWorks;
  aluminiumWorks?: AluminiumWorks;
  aluminiumHandRails?: AluminiumHandRails;
  falseCeiling?: FalseCeiling;
}
export interface PartEMiscellaneous {
  separateToiletRoom?: SeparateToiletRoom;
  separateLumberRoom?: SeparateLumberRoom;
  separateWaterTankSump?: SeparateWaterTankSump;
  treesGardening?: TreesGardening;
}
export interface PartFServices {
  waterSupplyArrangements?: WaterSupplyArrangements;
  drainageArrangements?: DrainageArrangements;
  compoundWall?: CompoundWall1;
  ebDepositsFittings?: CBDepositsFittings;
  pavement?: Pavement;
}
export interface GuidelineValue {
  landRatePerSqm?: GuidelineLandRatePerSqM;
  buildingRatePerSqm?: GuidelineConstructionRatePerSqM;
  basis?: Basis;
}
export interface Valuer {
  name?: Name1;
  qualification?: Qualifications;
  ibbiRegNo?: IBBIRegistrationNo;
  institute?: ValuersInstituteMembership;
  bankPanelCode?: BankPanelCode;
  pan?: PAN;
  firm?: Firm;
  place?: Place;
}
export interface Photo {
  file?: File;
  caption?: Caption;
  takenAt?: TakenAt;
  lat?: Latitude1;
  lng?: Longitude1;
}
export interface FlatFormatCCompositeRateMethod {
  floorNo?: Floor1;
  doorNo?: DoorFlatNo;
  carpetAreaSqm?: CarpetArea;
  builtUpAreaSqm?: BuiltUpArea;
  superBuiltUpAreaSqm?: SuperBuiltUpArea;
  udsLandSqm?: UndividedShareOfLandUDS;
  landRatePerSqm?: LandRatePerSqMOfUDS;
  replacementRateWithServicesPerSqm?: ReplacementRateWithServicesPerSqM;
  yearOfConstruction?: YearOfConstruction1;
  ageYears?: AgeIfTheYearIsNotKnown;
  lifeYears?: EstimatedTotalLife1;
  salvagePct?: SalvageValue1;
  extras?: Extras;
}
export interface Extras {
  wardrobes?: Wardrobes1;
  showcases?: Showcases;
  kitchenArrangements?: KitchenArrangements;
  superfineFinish?: SuperfineFinish;
  interiorDecorations?: InteriorDecorations1;
  electricityDepositsFittings?: ElectricityDepositsElectricalFittings;
  extraCollapsibleGatesGrills?: ExtraCollapsibleGatesGrillWorks;
  coveredCarParking?: CoveredCarParking;
}
