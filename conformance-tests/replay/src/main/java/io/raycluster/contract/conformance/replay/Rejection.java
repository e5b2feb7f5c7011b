package io.raycluster.contract.conformance.replay;

/** Why the replay server refuses a request: the HTTP status and the vendor's error code. */
record Rejection(int status, String code, String message) {}
