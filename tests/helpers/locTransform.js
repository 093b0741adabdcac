// SPFx loc files are AMD modules (define([], function () { return {...}; })).
// Jest loads them as CommonJS by capturing what the factory returns.
module.exports = {
  process(source) {
    return {
      code: 'var __loc; function define(deps, factory) { __loc = factory(); }\n' + source + '\nmodule.exports = __loc;'
    };
  }
};
