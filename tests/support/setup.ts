import fc from 'fast-check';

// Property tests run from a fixed seed so CI is repeatable; FC_SEED=<n> explores other cases
// (fast-check prints the seed and path of any failure to replay it).
fc.configureGlobal({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20221231 });
