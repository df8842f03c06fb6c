/**
 * The score stage: an additive, explainable, calibrated risk model (a learned shape per feature,
 * logistic link; every score is the intercept plus visible contributions), its evaluation against
 * simple baselines, and fairness audits by protected group. A fitted model is a plain JSON object
 * (`AdditiveModel`), so it can be stored, versioned and approved.
 */

// The model: its schema, fitting and scoring.
export {
  AdditiveModelSchema, FeatureShapeSchema, type AdditiveModel, type FeatureShape, type FeatureKind, type Monotone,
} from './model/model-schema.ts';
export type { FeatureColumn } from './features/feature-column.ts';
export { fitAdditiveModel, type TrainingData, type FitResult } from './fit/fit-additive-model.ts';
export { FitOptionsSchema, DEFAULT_LAMBDA_GRID, type FitOptions } from './fit/fit-options.ts';
export { scoreRows, type ScoredRows } from './model/score-rows.ts';
export { parseModel, readModel } from './model/read-model.ts';
export { shapeCells } from './features/feature-handlers.ts';

// Calibration.
export { fitPlatt, applyPlatt, type PlattMap } from './calibration/platt-scaling.ts';
export { fitIsotonic, applyIsotonic, type IsotonicMap } from './calibration/isotonic-calibration.ts';

// Baselines.
export { fitLogisticRegression, logisticProbabilities, logisticLogits, type LogisticModel } from './baselines/logistic-regression.ts';
export { fitPointsScorecard, scorecardProbabilities, PointsScorecardSchema, type PointsScorecard } from './baselines/points-scorecard.ts';

// Evaluation.
export { evaluateProbabilities } from './evaluation/evaluate-scores.ts';
export { auc, aucWithDelong } from './evaluation/auc-delong.ts';
export { brierScore, logLoss } from './evaluation/probability-metrics.ts';
export { calibrationCurve } from './evaluation/calibration-curve.ts';
export { liftByDecile } from './evaluation/lift-by-decile.ts';
export {
  EvaluationReportSchema, ScoreEvaluationSchema, type EvaluationReport, type ScoreEvaluation,
} from './evaluation/evaluation-schema.ts';

// Fairness.
export { auditFairness, type AuditInput } from './fairness/fairness-audit.ts';
export { assignGroups, type GroupAssignment } from './fairness/group-bands.ts';
export { proxyCheck } from './fairness/proxy-check.ts';
export {
  AuditReportSchema, ModelFairnessSchema, type AuditReport, type GroupReport, type AuditThresholds, type ModelFairness, type ProxyCheck,
} from './fairness/fairness-schema.ts';

// Splits (time-based for history, predicate, or random).
export { timeSplit, predicateSplit, randomSplit, type Split } from './table/data-split.ts';

// The model card.
export { modelCard, type ModelCardInput } from './card/model-card.ts';

// Command-line jobs.
export { runFitJob, type FitJobOptions } from './jobs/fit-job.ts';
export { runPredictJob, type PredictJobOptions } from './jobs/predict-job.ts';
export { runAuditJob, type AuditJobOptions } from './jobs/audit-job.ts';
export { auditTableText } from './jobs/audit-table-text.ts';
export { ScoreInputError, SCORE_ERROR_CODES, type ScoreErrorCode } from './table/score-input-error.ts';

// Synthetic data with a known truth, for tests and benchmarks.
export { syntheticCohort, type SyntheticCohort } from './synthetic/synthetic-cohort.ts';

// Model versions in the store: draft → approved (governance lead) → retired; only approved ones score people.
export {
  ModelVersionError, VERSION_ERROR_STATUS, fairnessFlags, listVersions, loadVersion, approveVersion, retireVersion,
  registerDraftVersion, approveDemoVersion, scorePersons, scoreAsOf, rescoreLatest, VersionDetailSchema, VersionSummarySchema, VERSION_STATUSES,
  type FairnessFlag, type VersionDetail, type VersionSummary, type VersionStatus, type VersionActor,
} from './versions/index.ts';
