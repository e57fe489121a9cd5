#include "core/log/logging.h"
#include "core/platform/filepermissions.h"
#include "core/platform/paths.h"
#include "widgets/common/language.h"
#include "widgets/common/resources.h"
#include "widgets/mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Weft"));
    QApplication::setApplicationName(QStringLiteral("weft-studio"));
    QApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    // State stores, logs and exports hold customer data: owner-readable only (platform/filepermissions.h).
    weft::restrictNewFiles();
    weft::initWidgetsResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Weft designer"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("A *.weft.json project to open."));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("zh_CN or en (default: the saved choice)."),
                                      QStringLiteral("CODE"));
    parser.addOption(language);
    parser.process(app);

    weft::log::LogSettings logSettings;
    logSettings.consoleLevel = QStringLiteral("warn");
    if (const QString logDir = weft::userLogDirectory(); !logDir.isEmpty())
        logSettings.filePath = QDir(logDir).filePath(QStringLiteral("weft-studio.log"));
    weft::log::setup(logSettings);

    const QString code =
        parser.isSet(language) ? parser.value(language) : weft::Language::preferred();
    weft::Language::apply(code, parser.isSet(language));

    weft::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().first(), true);
    window.show();
    return app.exec();
}
