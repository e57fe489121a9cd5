#include "tools/screenshots/newintegrationshots.h"

#include "core/model/connection.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/mapping/mappingeditor.h"
#include "widgets/newintegration/endpointpicker.h"
#include "widgets/newintegration/newintegrationdialog.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTextStream>
#include <QUndoStack>

namespace weft {

namespace {

void settle()
{
    for (int i = 0; i < 10; ++i)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool shoot(QWidget *w, const QString &dir, const QString &name, const QString &language,
           QStringList *written, QTextStream &err)
{
    settle();
    const QString path = QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(name, language));
    if (!w->grab().save(path)) {
        err << "screenshots: cannot write " << path << '\n';
        return false;
    }
    if (written)
        written->append(path);
    return true;
}

Connection connectionOf(const QString &name, ConnectorType type, const QString &title)
{
    Connection c;
    c.name = name;
    c.type = type;
    c.title = title;
    c.baseUrl = QStringLiteral("https://example.invalid");
    return c;
}

} // namespace

bool saveNewIntegrationViews(const QString &dir, const QString &language, QStringList *written,
                             QTextStream &err)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    // Connections a user has made once; the flow offers them.
    ProjectDocument *doc = window.document();
    const bool zh = language == QLatin1String("zh_CN");
    for (const Connection &c :
         {connectionOf(QStringLiteral("jushuitan"), ConnectorType::Jushuitan,
                       zh ? QStringLiteral("聚水潭") : QStringLiteral("Jushuitan")),
          connectionOf(QStringLiteral("jdy"), ConnectorType::KingdeeJdy,
                       zh ? QStringLiteral("精斗云") : QStringLiteral("Kingdee JDY")),
          connectionOf(QStringLiteral("k3"), ConnectorType::KingdeeK3Cloud,
                       zh ? QStringLiteral("金蝶云星空") : QStringLiteral("K3Cloud")),
          connectionOf(QStringLiteral("bi_mysql"), ConnectorType::MySql,
                       zh ? QStringLiteral("BI 库") : QStringLiteral("BI database"))})
        doc->undoStack()->push(
            new ConnectionCommand(doc, ConnectionCommand::Kind::Insert, -1, c, QString()));

    bool ok = true;
    NewIntegrationDialog *dialog = window.newIntegration();
    dialog->sourcePicker()->searchField()->setText(QStringLiteral("采购退货"));
    dialog->sourcePicker()->select(QStringLiteral("jushuitan/purchaseout.query"));
    ok &= shoot(dialog, dir, QStringLiteral("new-integration-source"), language, written, err);
    dialog->nextButton()->click();
    dialog->newTableTarget()->click();
    ok &= shoot(dialog, dir, QStringLiteral("new-integration-target"), language, written, err);
    dialog->nextButton()->click();
    ok &= shoot(dialog, dir, QStringLiteral("new-integration-connections"), language, written, err);
    dialog->reject();
    settle();

    // JDY customers → K3Cloud: a catalogue target, then the mapping editor it opens.
    dialog = window.newIntegration();
    dialog->sourcePicker()->select(QStringLiteral("kingdee_jdy/customer.list"));
    dialog->nextButton()->click();
    dialog->targetPicker()->searchField()->setText(QStringLiteral("BD_Customer"));
    dialog->targetPicker()->select(QStringLiteral("kingdee_k3cloud/BD_Customer.save"));
    ok &= shoot(dialog, dir, QStringLiteral("new-integration-k3target"), language, written, err);
    dialog->nextButton()->click();
    dialog->createButton()->click();
    settle();
    ok &= shoot(&window, dir, QStringLiteral("new-integration-mapping"), language, written, err);
    doc->undoStack()->setClean();
    return ok;
}

} // namespace weft
