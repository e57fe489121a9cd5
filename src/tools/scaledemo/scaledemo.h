#pragma once

#include "core/model/project.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace weft {

/// A generated project of `schemes` schemes, for the designer at scale (bench_designer, the
/// screenshots): the five example projects' schemes (read from `examplesDir`) in turn, numbered,
/// each with a filter and a validate step — five nodes a scheme. The first five keep the examples'
/// names (their lookups name each other). The first reads Jushuitan purchase-ins into the local
/// store, so that it runs against weft-mock without a database. nullopt (and `error`) if an example
/// cannot be read.
std::optional<Project> scaleDemoProject(const QString &examplesDir, int schemes,
                                        QString *error = nullptr);

/// Adds `count` failed records, spread over `schemes` in turn, to the state store at
/// `location` with one statement (a million take seconds, not the minutes of a run).
bool addDemoFailures(const QString &location, const QStringList &schemes, int count,
                     QString *error = nullptr);

} // namespace weft
