#include "widgets/common/language.h"

#include "core/util/translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <memory>

namespace weft {

namespace {

QString g_current;
std::unique_ptr<QTranslator> g_weft;
std::unique_ptr<QTranslator> g_qt;

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString Language::nativeName(const QString &code)
{
    return code == QLatin1String("zh_CN") ? QStringLiteral("简体中文") : QStringLiteral("English");
}

QString Language::preferred()
{
    const QString saved = QSettings().value(QStringLiteral("language")).toString();
    if (available().contains(saved))
        return saved;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

QString Language::current()
{
    return g_current.isEmpty() ? QStringLiteral("en") : g_current;
}

bool Language::apply(const QString &code, bool save)
{
    if (g_weft)
        QCoreApplication::removeTranslator(g_weft.get());
    if (g_qt)
        QCoreApplication::removeTranslator(g_qt.get());
    g_weft = std::make_unique<QTranslator>();
    g_qt = std::make_unique<QTranslator>();
    // Weft's own strings are embedded (qt_add_translations); Qt's (dialog buttons…) come
    // from the Qt installation when it has them.
    const bool ok = g_weft->load(QStringLiteral(":/i18n/weft_%1.qm").arg(code));
    if (ok)
        QCoreApplication::installTranslator(g_weft.get());
    if (g_qt->load(QStringLiteral("qtbase_%1").arg(code),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(g_qt.get());
    // The core's messages (the Problems panel's, a run's errors) follow the same choice.
    translation::installCore(code);
    QLocale::setDefault(
        QLocale(code == QLatin1String("zh_CN") ? QLocale::Chinese : QLocale::English,
                code == QLatin1String("zh_CN") ? QLocale::China : QLocale::UnitedStates));
    g_current = code;
    if (save)
        QSettings().setValue(QStringLiteral("language"), code);
    return ok;
}

} // namespace weft
