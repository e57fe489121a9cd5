#include "core/model/scheme.h"

namespace weft {

namespace {
constexpr std::pair<StepType, const char *> kStepTypes[] = {
    {StepType::Flatten, "flatten"},
    {StepType::Filter, "filter"},
    {StepType::Lookup, "lookup"},
    {StepType::Validate, "validate"},
};
} // namespace

QString stepTypeName(StepType type)
{
    for (const auto &[t, name] : kStepTypes) {
        if (t == type)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<StepType> stepTypeFromName(const QString &name)
{
    for (const auto &[t, n] : kStepTypes) {
        if (name == QLatin1String(n))
            return t;
    }
    return std::nullopt;
}

QStringList stepTypeNames()
{
    QStringList names;
    for (const auto &[t, n] : kStepTypes)
        names << QString::fromLatin1(n);
    return names;
}

QString scheduleKindName(Schedule::Kind kind)
{
    switch (kind) {
    case Schedule::Kind::Manual: return QStringLiteral("manual");
    case Schedule::Kind::Interval: return QStringLiteral("interval");
    case Schedule::Kind::Cron: return QStringLiteral("cron");
    }
    return {};
}

const Step *Scheme::step(const QString &id) const
{
    for (const Step &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace weft
