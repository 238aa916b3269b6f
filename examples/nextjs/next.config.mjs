/** @type {import('next').NextConfig} */
const nextConfig = {
  // This example lives inside the hookverify repository and imports ../shared; an app of your
  // own needs none of this.
  turbopack: { root: new URL('../..', import.meta.url).pathname },
  outputFileTracingRoot: new URL('../..', import.meta.url).pathname,
};

export default nextConfig;
