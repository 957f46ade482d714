/**
 * Test support: the community simulator, the shared-data test group and the adapter compatibility
 * kit.
 */
package io.github.communitymetrics.testkit;
