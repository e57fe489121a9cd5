#include "core/platform/filepermissions.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace weft;

/// restrictToOwner on real files: the mode bits and the group the file system then holds.
class TestFilePermissions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ownerOnly();
    void ownerAndGroup();
    void missingGroupOrFileIsAnError();

private:
    QString makeFile(const QString &name);
    static mode_t modeOf(const QString &path);
    QTemporaryDir m_dir;
};

QString TestFilePermissions::makeFile(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("secret") != 6)
        return {};
    f.close();
    // As a file is usually made: readable by everyone.
    ::chmod(QFile::encodeName(path).constData(), 0666);
    return path;
}

mode_t TestFilePermissions::modeOf(const QString &path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return mode_t(-1);
    return st.st_mode & 07777;
}

void TestFilePermissions::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestFilePermissions::ownerOnly()
{
    const QString path = makeFile(QStringLiteral("state.sqlite"));
    QVERIFY(!path.isEmpty());
    QCOMPARE(modeOf(path), mode_t(0666));
    QString error;
    QVERIFY2(restrictToOwner(path, QString(), &error), qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0600));
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly)); // the owner still reads it
    QCOMPARE(again.readAll(), QByteArray("secret"));
}

void TestFilePermissions::ownerAndGroup()
{
    // A group this user is in, so no privilege is needed to hand the file to it.
    const group *mine = ::getgrgid(::getgid());
    QVERIFY(mine);
    const QString name = QString::fromLocal8Bit(mine->gr_name);
    const QString path = makeFile(QStringLiteral("weft.log"));
    QString error;
    QVERIFY2(restrictToOwner(path, name, &error), qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0640));
    struct stat st {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_gid, ::getgid());
}

void TestFilePermissions::missingGroupOrFileIsAnError()
{
    const QString path = makeFile(QStringLiteral("export.csv"));
    QString error;
    QVERIFY(!restrictToOwner(path, QStringLiteral("weft-no-such-group-xyz"), &error));
    QVERIFY2(error.contains(QLatin1String("weft-no-such-group-xyz")), qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0666)); // nothing changed
    error.clear();
    QVERIFY(!restrictToOwner(m_dir.filePath(QStringLiteral("missing")), QString(), &error));
    QVERIFY2(error.contains(QLatin1String("missing")), qPrintable(error));
}

QTEST_APPLESS_MAIN(TestFilePermissions)
#include "tst_filepermissions.moc"
