import type { ProjectAttributes, ProjectType } from '../../common/domain/development.ts';

/** The project codes of the decision table (rules.md §12). */
export type ProjectCode =
  | 'LIN' | 'WSUP' | 'FLOOD' | 'ECO' | 'TOUR_S' | 'TOUR_L' | 'RES' | 'RSM' | 'ARCH' | 'DEF'
  | 'GEO_EXP' | 'MINE' | 'IND' | 'PARK' | 'URB' | 'AGRI' | 'OTHER';

/** rules.md §0: how each API type maps onto a §12 code. */
export const PROJECT_CODE: Record<ProjectType, ProjectCode> = {
  linear_infrastructure: 'LIN',
  water_supply: 'WSUP',
  flood_control: 'FLOOD',
  ecological_restoration: 'ECO',
  tourism_facility: 'TOUR_S',
  tourism_resort: 'TOUR_L',
  resident_livelihood: 'RES',
  research_monitoring: 'RSM',
  archaeology: 'ARCH',
  defense: 'DEF',
  geological_survey: 'GEO_EXP',
  mining: 'MINE',
  industrial: 'IND',
  industrial_park: 'PARK',
  residential: 'URB',
  commercial: 'URB',
  public_service: 'URB',
  agriculture: 'AGRI',
  livestock: 'AGRI', // plus discharges, below
  energy_solar: 'IND', // a production facility
  energy_wind: 'IND',
  sewage_treatment: 'WSUP', // water infrastructure, but with an outfall, below
  other: 'OTHER',
};

/**
 * Everything a rule may ask about a project. The raw flags are kept; the derived facts say what
 * the law cares about (does it discharge? is it a production facility?) so that no rule has to
 * remember that livestock farms discharge or that a sewage plant has an outfall.
 */
export interface ProjectFacts extends ProjectAttributes {
  code: ProjectCode;
  /** Discharges pollutants: the flag, or implied by livestock farming, an outfall or a severe-polluter listing. */
  discharges: boolean;
  /** Sets up an outfall (排污口): the flag, or a sewage treatment plant. */
  hasOutfall: boolean;
  /** Water supply or water-supply-like infrastructure (WSUP: water supply, sewage treatment). */
  waterInfrastructure: boolean;
  /** A production facility (生产设施) in the sense of the nature-reserve rules: industry, parks, mines, energy, livestock farms. */
  productionFacility: boolean;
  /** Any tourism project, small or large. */
  tourism: boolean;
  /** Urban construction: residential, commercial, public service. */
  urban: boolean;
}

const PRODUCTION_CODES: ReadonlySet<ProjectCode> = new Set(['IND', 'PARK', 'MINE']);

/** The one place where project facts are derived from the API attributes. */
export function deriveProjectFacts(project: ProjectAttributes): ProjectFacts {
  const code = PROJECT_CODE[project.type];
  const hasOutfall = project.outfall || project.type === 'sewage_treatment';
  return {
    ...project,
    code,
    hasOutfall,
    discharges: project.dischargesPollutants || project.severePolluter || hasOutfall || project.type === 'livestock',
    waterInfrastructure: code === 'WSUP',
    productionFacility: PRODUCTION_CODES.has(code) || project.type === 'livestock',
    tourism: code === 'TOUR_S' || code === 'TOUR_L',
    urban: code === 'URB',
  };
}
