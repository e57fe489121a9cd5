#pragma once

#include "mockconfig.h"

namespace weft::mock {

/// Decides, call by call, which fault (if any) a business call gets.
///
/// The n-th business call's decision is a pure function of (fault seed, n, settings), so a
/// test that replays the same calls sees the same faults; the counter restarts whenever the
/// settings change or the mock is reset.
class FaultInjector final
{
public:
    enum class Fault { None, Http5xx, Timeout, Reset, Throttle, Truncate, Malformed };

    FaultInjector(quint64 seed, const FaultSettings &initial)
        : m_seed(seed)
        , m_initial(initial)
        , m_settings(initial)
    {}

    const FaultSettings &settings() const { return m_settings; }
    bool update(const QJsonObject &json, QString *error);
    void reset();
    /// The fault for the next business call to `mount` ("/jushuitan"), and the HTTP status
    /// a Http5xx fault uses.
    Fault next(const QString &mount, int *status);
    qint64 decisions() const { return m_counter; }
    /// Whether the next record of a list page of `mount` is left out (dropRate); its own
    /// sequence, so dropping records does not shift the calls' faults.
    bool dropsRecord(const QString &mount);
    static const char *name(Fault fault);

private:
    quint64 m_seed;
    FaultSettings m_initial;
    FaultSettings m_settings;
    quint64 m_counter = 0;
    quint64 m_dropCounter = 0;
};

} // namespace weft::mock
