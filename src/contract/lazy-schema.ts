/**
 * A schema built the first time it is used. Building every zod schema as its module loads was
 * some 40 ms of a cold `ask` (about a tenth), yet a start whose data files match the build's
 * snapshot validates nothing; tests, the build and a data file edited since still validate, and
 * then the schema is built once. The proxy hands every use to the built schema, `this` included,
 * so zod sees its own object.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const real = schema();
      const value: unknown = Reflect.get(real, key, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported configurable: the proxy's own target holds none of them, and a proxy may not call
    // a property non-configurable that its target lacks.
    getOwnPropertyDescriptor(_, key) {
      const found = Reflect.getOwnPropertyDescriptor(schema(), key);
      return found && { ...found, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
