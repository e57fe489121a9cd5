#pragma once

#include <QString>
#include <QStringList>

namespace weft {

/// Renders the designer's main views — the main window with a canvas, the mapping editor,
/// the run panel, the failed records, the schedule editor, the alerts editor (after a test
/// alert to a stand-in robot), the API usage tab, the connection dialog — into PNG files named
/// `<view>-<language>.png` in `dir`, using the example projects. A weft-mock reachable at
/// $WEFT_MOCK_URL makes the run, failed-records and API usage views show a real run. Returns
/// false (with a message on stderr) when a view could not be made.
bool renderScreenshots(const QString &dir, const QString &language, QStringList *written = nullptr);

} // namespace weft
