#include "core/model/project.h"

namespace weft {

namespace {
template <typename List, typename T = typename List::value_type>
T *findByName(List &list, const QString &name)
{
    for (T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}
} // namespace

const Connection *Project::connection(const QString &name) const
{
    return findByName<const QList<Connection>, const Connection>(connections, name);
}

Connection *Project::connection(const QString &name)
{
    return findByName(connections, name);
}

const Scheme *Project::scheme(const QString &name) const
{
    return findByName<const QList<Scheme>, const Scheme>(schemes, name);
}

Scheme *Project::scheme(const QString &name)
{
    return findByName(schemes, name);
}

QStringList Project::connectionNames() const
{
    QStringList names;
    for (const Connection &c : connections)
        names << c.name;
    return names;
}

QStringList Project::schemeNames() const
{
    QStringList names;
    for (const Scheme &s : schemes)
        names << s.name;
    return names;
}

const Environment *Project::environment(const QString &name) const
{
    return findByName<const QList<Environment>, const Environment>(environments, name);
}

Environment *Project::environment(const QString &name)
{
    return findByName(environments, name);
}

QStringList Project::environmentNames() const
{
    QStringList names;
    for (const Environment &e : environments)
        names << e.name;
    return names;
}

} // namespace weft
