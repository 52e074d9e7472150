// Runtime chunk: built on its own (esbuild.mjs) and required on first use, so activation loads no SDK code.
export { fromNodeProviderChain } from '@aws-sdk/credential-providers';
