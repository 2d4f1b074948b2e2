/** Public API of the embedded Electric-protocol shape service. */
export { type ShapeHttpOptions, shapeHttpPlugin } from './http';
export { compareOffsets, formatOffset, type LogOffset, parseOffset } from './offsets';
export type { ShapeResponse } from './protocol';
export {
  createShapeService,
  type ShapeRequest,
  type ShapeService,
  type ShapeServiceOptions,
  type ShapeStats,
} from './service';
