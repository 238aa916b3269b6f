import { $constructor, $ZodObjectJIT, type $loose, type $ZodLooseShape, type $ZodObject, type $ZodObjectDef, type util } from 'zod/v4/core';
import * as z from 'zod/mini';

// zod/mini's objects parse through zod's generic object walk; classic zod's objects through
// code zod generates once per shape ($ZodObjectJIT, which walks too where `new Function` is not
// allowed). The walk made a Peridio event take about 1.6 times as long to validate, so the
// built-in schemas compose the generated parser with zod/mini's surface, as zod composes its own
// classes. The trait keeps the name `ZodMiniObject`: `instanceof z.ZodMiniObject` holds, and
// `.check()`, `z.extend()` and the rest clone through this constructor, so they stay compiled.
// (By name from zod/v4/core: reaching through `z.core` keeps all of zod's core in a bundle.)
const objectJIT: $constructor<$ZodObject> = $ZodObjectJIT;
const miniType: $constructor<z.ZodMiniType> = z.ZodMiniType;
const ZodMiniObjectJIT: $constructor<z.ZodMiniObject> = $constructor('ZodMiniObject', (inst: z.ZodMiniObject, def: $ZodObjectDef) => {
  objectJIT.init(inst, def);
  miniType.init(inst, def);
  // A getter, as zod's own: an extended object's shape is merged when first read.
  Object.defineProperty(inst, 'shape', { get: () => def.shape, configurable: true });
});

/**
 * `z.looseObject` of zod/mini (members it does not name are kept), parsed by zod's generated
 * object parser, as classic zod's objects are.
 */
export function looseObject<Shape extends $ZodLooseShape>(shape: Shape): z.ZodMiniObject<util.Writeable<Shape>, $loose> {
  return new ZodMiniObjectJIT({ type: 'object', shape, catchall: z.unknown() }) as unknown as z.ZodMiniObject<util.Writeable<Shape>, $loose>;
}
