#pragma once

#include "core/state/qualitystore.h"
#include "core/state/staterecords.h"

#include <QString>

namespace weft {

/// A run's quality summary as a self-contained HTML page (styles and the bar chart inline,
/// no scripts, nothing fetched): what `weft-run history --quality --html` and the designer's
/// History panel export. In the language the core's translation is installed for.
QString qualityReportHtml(const RunInfo &run, const QualitySummary &summary);

/// The words for a reconciliation status ("ok", "short", …), translated.
QString reconciliationStatusText(const QString &status);

} // namespace weft
