#include "core/model/environment.h"

#include <QRegularExpression>

namespace weft {

QJsonObject environmentVariables(const Project &project, const QString &environment)
{
    QJsonObject merged = project.variables;
    if (const Environment *e = project.environment(environment)) {
        for (auto it = e->variables.begin(); it != e->variables.end(); ++it)
            merged.insert(it.key(), it.value());
    }
    return merged;
}

EnvLookup layerEnvironment(const Project &project, const QString &environment, EnvLookup base,
                           SecretLookup secrets)
{
    // A copy of the values, not a pointer into the project: the lookup outlives edits.
    return [values = environmentVariables(project, environment), base = std::move(base),
            secrets = std::move(secrets)](const QString &name) -> QString {
        const auto it = values.constFind(name);
        if (it == values.constEnd())
            return base(name);
        if (it->isString())
            return it->toString();
        if (const auto ref = SecretRef::fromJson(*it))
            return secrets(*ref);
        if (it->isDouble())
            return QString::number(it->toDouble(), 'g', 17);
        return {};
    };
}

bool isVariableName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return valid.match(name).hasMatch();
}

} // namespace weft
