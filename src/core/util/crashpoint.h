#pragma once

namespace weft {

/// A test hook compiled into every build (the shipped binary is the one tested): the process
/// kills itself with SIGKILL when it reaches a named point of its work for the n-th time.
///
/// `WEFT_CRASH_AT=<point>[@<n>]` is read once, at the first call; without it (the normal case)
/// reaching a point costs one comparison. The reliability tests set it to stop weft-run at the
/// narrow places a random `kill -9` rarely hits — between the target's commit and the state
/// store learning of it, inside a state-store transaction — and check that the next run
/// neither loses nor doubles a record. docs/reliability.md lists the points.
///
/// A point is a fixed name; kCrashPoints lists them all so that a typo in a test is an error
/// rather than a crash that never comes.
namespace crashpoint {

/// Kills the process (SIGKILL, no clean-up: what a power cut or `kill -9` does to it) if
/// `WEFT_CRASH_AT` names `point` and this is its n-th hit (default 1).
void reach(const char *point);

/// Whether `point` is armed and reached for the n-th time now, without killing: for points
/// that simulate a fault instead of a crash (an answer lost after the server committed).
bool fires(const char *point);

/// Whether `WEFT_CRASH_AT` names `point` at all (a code path may take a slower shape that
/// has room for the point, such as a separate COMMIT).
bool armed(const char *point);

/// Every point the code knows, for `--help`-style listings and the tests.
inline constexpr const char *kCrashPoints[] = {
    "batch-journalled",       ///< the batch's ids are journalled as in flight; nothing sent
    "target-uncommitted",     ///< MySQL: rows sent in the open transaction, COMMIT not sent
    "target-committed",       ///< the target committed; its answer not yet handed back
    "target-ok",              ///< the run has the target's OK; the state store knows nothing
    "outcome-inside",         ///< inside the transaction recording the batch's outcome
    "outcome-stored",         ///< written ids, resolutions and failures committed
    "failures-inside",        ///< inside the transaction recording a page's failures
    "cursor-before",          ///< a window is complete; its cursor not yet moved
    "cursor-after",           ///< the cursor moved
    "mysql-answer-lost",      ///< fault, not crash: the COMMIT's answer is "lost" (2013)
};

} // namespace crashpoint
} // namespace weft
