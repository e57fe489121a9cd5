#pragma once

#include "core/model/pinnedsamples.h"
#include "core/model/projectio.h"
#include "support/testfiles.h"
#include "widgets/common/projectdocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <functional>

namespace weft::test {

/// Loads an example project (resources/examples/<name>.weft.json) into a document.
inline bool loadExample(ProjectDocument *doc, const QString &name)
{
    QString error;
    return doc->load(sourcePath(QStringLiteral("resources/examples/%1.weft.json").arg(name)),
                     &error);
}

/// Copies an example project and its pinned sample (tests/data/samples) into `dir` as
/// `fileName`, both writable; returns the copy's path, or "" when a file could not be copied.
inline QString copyExampleWithSample(const QString &dir, const QString &name,
                                     const QString &fileName)
{
    const QString path = QDir(dir).filePath(fileName);
    const QString samples = PinnedSamples::locationFor(path);
    if (!QFile::copy(sourcePath(QStringLiteral("resources/examples/%1.weft.json").arg(name)),
                     path) ||
        !QFile::copy(
            sourcePath(QStringLiteral("tests/data/samples/%1.weft.samples.json").arg(name)),
            samples))
        return {};
    for (const QString &file : {path, samples})
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

/// Processes events until `done` holds or `ms` pass.
inline bool waitUntil(const std::function<bool()> &done, int ms = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QTest::qWait(10);
    return done();
}

} // namespace weft::test
