// The rule registry: every rule, in the order of INDICATORS.md. A rule not listed here does not run.
import type { Rule } from '../src/rule.js';
import caseType from './case-type.js';
import itemCode from './item-code.js';
import legalTimeLimit from './legal-time-limit.js';
import promisedTimeLimit from './promised-time-limit.js';
import handlingLocation from './handling-location.js';
import handlingHours from './handling-hours.js';
import contactPhone from './contact-phone.js';
import legalBasis from './legal-basis.js';
import specialProcedures from './special-procedures.js';
import materialName from './material-name.js';
import materialSource from './material-source.js';
import materialQuantity from './material-quantity.js';
import materialMedium from './material-medium.js';
import processCompleteness from './process-completeness.js';
import processDetail from './process-detail.js';
import onsiteVisits from './onsite-visits.js';
import blankForm from './blank-form.js';
import sampleForm from './sample-form.js';
import elementCompleteness from './element-completeness.js';
import elementUniformity from './element-uniformity.js';
import nationalCatalog from './national-catalog.js';
import timeReduction from './time-reduction.js';
import samplePersonalInfo from './sample-personal-info.js';
import rongqueMarking from './rongque-marking.js';
import flowchart from './flowchart.js';
import dynamicManagement from './dynamic-management.js';

export const RULES: readonly Rule[] = [
  caseType,
  itemCode,
  legalTimeLimit,
  promisedTimeLimit,
  handlingLocation,
  handlingHours,
  contactPhone,
  legalBasis,
  specialProcedures,
  materialName,
  materialSource,
  materialQuantity,
  materialMedium,
  processCompleteness,
  processDetail,
  onsiteVisits,
  blankForm,
  sampleForm,
  elementCompleteness,
  elementUniformity,
  nationalCatalog,
  timeReduction,
  samplePersonalInfo,
  rongqueMarking,
  flowchart,
  dynamicManagement,
];
