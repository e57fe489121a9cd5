#pragma once

#include <QString>
#include <QStringList>

namespace weft {

/// What weft-screenshots is asked to make.
struct ScreenshotOptions {
    QString outputDir;
    QString language = QStringLiteral("zh_CN"); ///< the designer's language in the pictures
    QString examplesDir; ///< resources/examples: the projects the pictures show
    /// A weft-mock is running and the examples' connections point at it (WEFT_MOCK_URL): the
    /// run, failed-records and API usage views then show a real run.
    bool againstMock = false;
};

/// Renders the designer's main views — the main window with a canvas, the mapping editor,
/// the run panel, the failed records, the schedule editor, the alerts editor (after a test
/// alert to a stand-in robot), the API usage tab, the connection dialog, and a generated project
/// of 300 schemes (fitted to the view, the overview, jump to scheme) — into PNG files named
/// `<view>-<language>.png`. Returns false (with a message on stderr) when a view could not be
/// made. The designer's language must already be applied.
bool renderScreenshots(const ScreenshotOptions &options, QStringList *written = nullptr);

} // namespace weft
