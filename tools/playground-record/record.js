// Records what TensorFlow Playground does for one link: its points (train and test, in order),
// its starting weights and biases, and its training and test loss after each of a few epochs.
// The neural network and the data sets are the playground's own nn.ts and dataset.ts compiled
// with tsc; the random stream is the real seedrandom package. Only the page's glue (reading the
// link, generateData, reset, oneStep, getLoss in playground.ts) is written out here, call for call.
// See README.md for how to set it up.
//
//   node record.js BUILD_DIR EPOCHS 'https://playground.tensorflow.org/#...'
'use strict';
const path = require('path');
global.d3 = require('d3');
require('seedrandom');   // installs Math.seedrandom, as the page's <script> tag does

const [buildDir, epochsText, link] = process.argv.slice(2);
const nn = require(path.resolve(buildDir, 'nn.js'));
const dataset = require(path.resolve(buildDir, 'dataset.js'));

// state.ts: the hash's name=value pairs, numbers with +, booleans unless "false".
const map = {};
for (const keyvalue of link.slice(link.indexOf('#') + 1).split('&')) {
  const [name, value] = keyvalue.split('=');
  map[name] = value;
}
const has = name => name in map && map[name] != null && map[name].trim() !== '';
const bool = (name, fallback) => has(name) ? map[name] !== 'false' : fallback;
const num = (name, fallback) => has(name) ? +map[name] : fallback;
const datasets = {circle: dataset.classifyCircleData, xor: dataset.classifyXORData,
  gauss: dataset.classifyTwoGaussData, spiral: dataset.classifySpiralData};
const regDatasets = {'reg-plane': dataset.regressPlane, 'reg-gauss': dataset.regressGaussian};
const activations = {relu: nn.Activations.RELU, tanh: nn.Activations.TANH,
  sigmoid: nn.Activations.SIGMOID, linear: nn.Activations.LINEAR};
const regularizations = {none: null, L1: nn.RegularizationFunction.L1, L2: nn.RegularizationFunction.L2};
const state = {
  learningRate: num('learningRate', 0.03), regularizationRate: num('regularizationRate', 0),
  noise: num('noise', 0), batchSize: num('batchSize', 10), percTrainData: num('percTrainData', 50),
  activation: has('activation') && map.activation in activations ? activations[map.activation] : nn.Activations.TANH,
  regularization: has('regularization') && map.regularization in regularizations
      ? regularizations[map.regularization] : null,
  regression: map.problem === 'regression', initZero: bool('initZero', false),
  networkShape: 'networkShape' in map ? (map.networkShape.trim() === '' ? [] : map.networkShape.split(',').map(Number)) : [4, 2],
  dataset: has('dataset') && map.dataset in datasets ? datasets[map.dataset] : dataset.classifyCircleData,
  regDataset: has('regDataset') && map.regDataset in regDatasets ? regDatasets[map.regDataset] : dataset.regressPlane,
  seed: map.seed,
};
// playground.ts INPUTS, in its order; x_hide=true deletes an input.
const INPUTS = {x: (x, y) => x, y: (x, y) => y, xSquared: (x, y) => x * x, ySquared: (x, y) => y * y,
  xTimesY: (x, y) => x * y, sinX: (x, y) => Math.sin(x), sinY: (x, y) => Math.sin(y)};
const defaults = {x: true, y: true};
for (const name of Object.keys(INPUTS)) {
  state[name] = bool(name, defaults[name] === true);
  if (map[name + '_hide'] === 'true') delete INPUTS[name];
}
const inputIds = () => Object.keys(INPUTS).filter(name => state[name]);
const constructInput = (x, y) => inputIds().map(name => INPUTS[name](x, y));

// generateData(true): seed again, draw, shuffle, split.
Math.seedrandom(state.seed);
const generator = state.regression ? state.regDataset : state.dataset;
const data = generator(state.regression ? 1200 : 500, state.noise / 100);
dataset.shuffle(data);
const splitIndex = Math.floor(data.length * state.percTrainData / 100);
const trainData = data.slice(0, splitIndex);
const testData = data.slice(splitIndex);

// reset(true): the network, its weights drawn from the same stream.
const shape = [inputIds().length].concat(state.networkShape).concat([1]);
const network = nn.buildNetwork(shape, state.activation,
    state.regression ? nn.Activations.LINEAR : nn.Activations.TANH,
    state.regularization, inputIds(), state.initZero);

function getLoss(points) {
  let loss = 0;
  for (const point of points) {
    const output = nn.forwardProp(network, constructInput(point.x, point.y));
    loss += nn.Errors.SQUARE.error(output, point.label);
  }
  return loss / points.length;
}

function oneStep() {
  trainData.forEach((point, i) => {
    nn.forwardProp(network, constructInput(point.x, point.y));
    nn.backProp(network, point.label, nn.Errors.SQUARE);
    if ((i + 1) % state.batchSize === 0) {
      nn.updateWeights(network, state.learningRate, state.regularizationRate);
    }
  });
}

const layers = network.slice(1).map(layer => ({
  weights: layer.map(node => node.inputLinks.map(link => link.weight)),
  biases: layer.map(node => node.bias),
}));
const losses = [{epoch: 0, train: getLoss(trainData), test: getLoss(testData)}];
for (let epoch = 1; epoch <= +epochsText; epoch++) {
  oneStep();
  losses.push({epoch, train: getLoss(trainData), test: getLoss(testData)});
}
const points = list => list.map(p => [p.x, p.y, p.label]);
process.stdout.write(JSON.stringify({link, inputs: inputIds(), train: points(trainData), test: points(testData),
  layers, losses}) + '\n');
