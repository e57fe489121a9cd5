#include "core/state/staterecords.h"

namespace weft {

QString failureStageName(FailureStage stage)
{
    switch (stage) {
    case FailureStage::Fetch: return QStringLiteral("fetch");
    case FailureStage::Transform: return QStringLiteral("transform");
    case FailureStage::Write: return QStringLiteral("write");
    }
    return {};
}

FailureStage failureStageFromName(const QString &name)
{
    if (name == QLatin1String("fetch"))
        return FailureStage::Fetch;
    if (name == QLatin1String("transform"))
        return FailureStage::Transform;
    return FailureStage::Write;
}

QString failureStatusName(FailureStatus status)
{
    switch (status) {
    case FailureStatus::Failed: return QStringLiteral("failed");
    case FailureStatus::Retrying: return QStringLiteral("retrying");
    case FailureStatus::Resolved: return QStringLiteral("resolved");
    case FailureStatus::Ignored: return QStringLiteral("ignored");
    }
    return {};
}

FailureStatus failureStatusFromName(const QString &name)
{
    if (name == QLatin1String("retrying"))
        return FailureStatus::Retrying;
    if (name == QLatin1String("resolved"))
        return FailureStatus::Resolved;
    if (name == QLatin1String("ignored"))
        return FailureStatus::Ignored;
    return FailureStatus::Failed;
}

QString runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running: return QStringLiteral("running");
    case RunOutcome::Succeeded: return QStringLiteral("succeeded");
    case RunOutcome::FinishedWithFailures: return QStringLiteral("failed_records");
    case RunOutcome::Aborted: return QStringLiteral("aborted");
    case RunOutcome::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

RunOutcome runOutcomeFromName(const QString &name)
{
    if (name == QLatin1String("succeeded"))
        return RunOutcome::Succeeded;
    if (name == QLatin1String("failed_records"))
        return RunOutcome::FinishedWithFailures;
    if (name == QLatin1String("aborted"))
        return RunOutcome::Aborted;
    if (name == QLatin1String("cancelled"))
        return RunOutcome::Cancelled;
    return RunOutcome::Running;
}

} // namespace weft
