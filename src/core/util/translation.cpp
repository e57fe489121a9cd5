#include "core/util/translation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace weft::translation {

namespace {

std::unique_ptr<QTranslator> g_core;
QString g_language = QStringLiteral("en");

} // namespace

QString systemLanguage()
{
    // QLocale::system() reads LC_ALL, LC_MESSAGES and LANG; LANGUAGE (a list) comes first
    // for messages in gettext's convention, which terminal users set.
    const QByteArray list = qgetenv("LANGUAGE");
    if (!list.isEmpty())
        return list.startsWith("zh") ? QStringLiteral("zh_CN") : QStringLiteral("en");
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

bool installCore(const QString &language)
{
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en"))
        return false;
    if (g_core)
        QCoreApplication::removeTranslator(g_core.get());
    g_core.reset();
    g_language = QStringLiteral("en"); // the source text, also when a translation is missing
    if (language == QLatin1String("en"))
        return true;
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/weft_core_%1.qm").arg(language)))
        return false;
    QCoreApplication::installTranslator(translator.get());
    g_core = std::move(translator);
    g_language = language;
    return true;
}

QString coreLanguage()
{
    return g_language;
}

} // namespace weft::translation
