// weft-screenshots: the designer's main views as PNG files, for the documentation
// (scripts/screenshots runs it per language against a fresh weft-mock). A tool of the
// repository, not part of the product: it is neither installed nor packaged.
#include "core/log/logging.h"
#include "tools/screenshots/screenshots.h"
#include "widgets/common/language.h"
#include "widgets/common/resources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Settings of its own: the pictures never touch weft-studio's recent projects.
    QApplication::setOrganizationName(QStringLiteral("Weft"));
    QApplication::setApplicationName(QStringLiteral("weft-screenshots"));
    QApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    weft::initWidgetsResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Renders the designer's main views into PNG files in OUTPUT_DIR."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("OUTPUT_DIR"),
                                 QStringLiteral("Where the <view>-<language>.png files go."));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("zh_CN (default) or en."),
                                      QStringLiteral("CODE"), QStringLiteral("zh_CN"));
    const QCommandLineOption examples(
        QStringLiteral("examples"),
        QStringLiteral("The example projects (default: $WEFT_EXAMPLES_DIR)."),
        QStringLiteral("DIR"));
    parser.addOptions({language, examples});
    parser.process(app);

    QTextStream err(stderr);
    weft::ScreenshotOptions options;
    options.outputDir = parser.positionalArguments().value(0);
    options.language = parser.value(language);
    options.examplesDir =
        parser.isSet(examples) ? parser.value(examples) : qEnvironmentVariable("WEFT_EXAMPLES_DIR");
    options.againstMock = !qEnvironmentVariable("WEFT_MOCK_URL").isEmpty();
    if (options.outputDir.isEmpty() || options.examplesDir.isEmpty()) {
        err << "weft-screenshots: give OUTPUT_DIR and --examples DIR (or set WEFT_EXAMPLES_DIR)\n";
        return 2;
    }

    weft::log::LogSettings logSettings;
    logSettings.consoleLevel = QStringLiteral("warn");
    weft::log::setup(logSettings);
    if (!weft::Language::apply(options.language, false)) {
        err << "weft-screenshots: unknown language " << options.language << '\n';
        return 2;
    }
    return weft::renderScreenshots(options) ? 0 : 1;
}
