// CSS modules: class names resolve to their own key so tests can still query them.
module.exports = new Proxy({}, { get: (_target, key) => (key === '__esModule' ? false : String(key)) });
