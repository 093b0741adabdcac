'use strict';

const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

// pptxgenjs reaches for Node modules only when it runs in Node; in the browser bundle they are unused.
build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    const webpack = require(require.resolve('webpack', { paths: [require.resolve('@microsoft/sp-build-web')] }));
    config.plugins = config.plugins || [];
    config.plugins.push(
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.slice('node:'.length);
      })
    );
    config.resolve = config.resolve || {};
    config.resolve.alias = Object.assign({}, config.resolve.alias, { 'node:fs': false, 'node:https': false, fs: false, https: false });
    return config;
  }
});

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));

  return result;
};

build.initialize(require('gulp'));
