#pragma once

#include "core/model/projectio.h"
#include "support/testfiles.h"
#include "widgets/common/projectdocument.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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
