export { FactScript } from './fact-script';
export { factsOf } from './facts-of';
export { interleave } from './interleave';
export { timelineContent, viewsContent } from './view-content';
