#include "widgets/alerts/alertsdialog.h"

#include "core/engine/alerts.h"
#include "core/model/secretref.h"
#include "ui_alertsdialog.h"
#include "widgets/alerts/alertchanneldialog.h"
#include "widgets/common/checklist.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/run/enginehost.h"

#include <QColor>
#include <QEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QPushButton>
#include <QShortcut>
#include <QUndoStack>
#include <algorithm>

namespace weft {

namespace {

const QStringList kWhen = {QStringLiteral("run_failed"), QStringLiteral("failed_records"),
                           QStringLiteral("no_success"), QStringLiteral("auth_failure")};
constexpr int kDefaultQuietMinutes = 60;
constexpr int kDefaultStaleMinutes = 180;
enum ChannelColumn { TypeColumn, AddressColumn, SecretColumn, TestColumn, ColumnCount };

QString channelAddressKey(const QJsonObject &channel)
{
    return channel.value(QLatin1String("type")).toString() == QLatin1String("webhook")
               ? QStringLiteral("url")
               : QStringLiteral("webhook");
}

} // namespace

AlertsDialog::AlertsDialog(ProjectDocument *doc, EngineHost *engine, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AlertsDialog>())
    , m_doc(doc)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("alertsDialog"));
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/alert.svg")));
    for (const QString &when : kWhen)
        m_ui->when->addItem(QString(), when);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setSizes({240, 720});
    m_ui->intro->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_ui->schemesHint->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_ui->quietHint->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_ui->ruleProblems->setStyleSheet(QStringLiteral("color: #c62828"));
    m_ui->ruleProblems->setTextFormat(Qt::PlainText);
    m_ui->addRule->setIcon(QIcon(QStringLiteral(":/icons/list-add.svg")));
    m_ui->removeRule->setIcon(QIcon(QStringLiteral(":/icons/list-remove.svg")));
    m_ui->addChannel->setIcon(QIcon(QStringLiteral(":/icons/list-add.svg")));
    m_ui->removeChannel->setIcon(QIcon(QStringLiteral(":/icons/list-remove.svg")));
    m_ui->sendTest->setIcon(QIcon(QStringLiteral(":/icons/test-connection.svg")));
    m_ui->undo->setIcon(QIcon(QStringLiteral(":/icons/edit-undo.svg")));
    m_ui->redo->setIcon(QIcon(QStringLiteral(":/icons/edit-redo.svg")));
    m_ui->channels->setColumnCount(ColumnCount);
    m_ui->channels->verticalHeader()->hide();
    m_ui->channels->horizontalHeader()->setStretchLastSection(true);
    m_ui->channels->setWordWrap(false);

    // The document's undo stack, reachable from the dialog too (shortcuts, not actions: the
    // main window's own Undo action does not reach into this window).
    QUndoStack *stack = doc->undoStack();
    auto *undo = new QShortcut(QKeySequence::Undo, this);
    auto *redo = new QShortcut(QKeySequence::Redo, this);
    auto *redoY = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Y), this);
    connect(undo, &QShortcut::activated, stack, &QUndoStack::undo);
    connect(redo, &QShortcut::activated, stack, &QUndoStack::redo);
    connect(redoY, &QShortcut::activated, stack, &QUndoStack::redo);
    connect(m_ui->undo, &QToolButton::clicked, stack, &QUndoStack::undo);
    connect(m_ui->redo, &QToolButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, m_ui->undo, &QWidget::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_ui->redo, &QWidget::setEnabled);
    m_ui->undo->setEnabled(stack->canUndo());
    m_ui->redo->setEnabled(stack->canRedo());

    connect(m_ui->rules, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading)
            return;
        m_current = row;
        clearTest();
        loadRule();
    });
    connect(m_ui->addRule, &QToolButton::clicked, this, &AlertsDialog::addRule);
    connect(m_ui->removeRule, &QToolButton::clicked, this, &AlertsDialog::removeRule);
    connect(m_ui->ruleName, &QLineEdit::textEdited, this, [this](const QString &t) {
        editRule(tr("name"), QStringLiteral("name"),
                 [&](QJsonObject &r) { r.insert(QStringLiteral("name"), t); });
    });
    connect(m_ui->when, &QComboBox::activated, this, [this](int index) {
        const QString when = kWhen.value(index);
        editRule(tr("condition"), QString(), [&](QJsonObject &r) {
            r.insert(QStringLiteral("when"), when);
            // Keys that mean nothing for the new condition do not stay behind in the file.
            if (when != QLatin1String("failed_records"))
                r.remove(QStringLiteral("threshold"));
            if (when != QLatin1String("no_success"))
                r.remove(QStringLiteral("minutes"));
            else if (r.value(QLatin1String("minutes")).toInt() <= 0)
                r.insert(QStringLiteral("minutes"), kDefaultStaleMinutes);
        });
    });
    connect(m_ui->threshold, &QSpinBox::valueChanged, this, [this](int v) {
        editRule(tr("threshold"), QStringLiteral("threshold"),
                 [&](QJsonObject &r) { r.insert(QStringLiteral("threshold"), v); });
    });
    connect(m_ui->minutes, &QSpinBox::valueChanged, this, [this](int v) {
        editRule(tr("period"), QStringLiteral("minutes"),
                 [&](QJsonObject &r) { r.insert(QStringLiteral("minutes"), v); });
    });
    connect(m_ui->quietMinutes, &QSpinBox::valueChanged, this, [this](int v) {
        editRule(tr("quiet period"), QStringLiteral("quiet"), [&](QJsonObject &r) {
            if (v == kDefaultQuietMinutes)
                r.remove(QStringLiteral("quietMinutes"));
            else
                r.insert(QStringLiteral("quietMinutes"), v);
        });
    });
    connect(m_ui->schemes, &QListWidget::itemChanged, this, [this] {
        if (m_loading)
            return;
        const QJsonArray names = QJsonArray::fromStringList(checkedKeys(m_ui->schemes));
        editRule(tr("schemes"), QString(), [&](QJsonObject &r) {
            if (names.isEmpty())
                r.remove(QStringLiteral("schemes"));
            else
                r.insert(QStringLiteral("schemes"), names);
        });
    });
    connect(m_ui->addChannel, &QToolButton::clicked, this, [this] { editChannel(-1); });
    connect(m_ui->editChannel, &QToolButton::clicked, this,
            [this] { editChannel(m_ui->channels->currentRow()); });
    connect(m_ui->channels, &QTableWidget::cellDoubleClicked, this,
            [this](int row) { editChannel(row); });
    connect(m_ui->removeChannel, &QToolButton::clicked, this,
            [this] { removeChannel(m_ui->channels->currentRow()); });
    connect(m_ui->sendTest, &QPushButton::clicked, this, &AlertsDialog::sendTest);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(engine, &EngineHost::testAlertFinished, this, &AlertsDialog::onTestAnswered);

    connect(doc, &ProjectDocument::alertsChanged, this, &AlertsDialog::load);
    connect(doc, &ProjectDocument::projectReset, this, [this] {
        m_current = 0;
        clearTest();
        load();
    });
    connect(doc, &ProjectDocument::schemeInserted, this, &AlertsDialog::loadRule);
    connect(doc, &ProjectDocument::schemeRemoved, this, &AlertsDialog::loadRule);
    connect(doc, &ProjectDocument::schemeChanged, this, &AlertsDialog::loadRule);
    retranslate();
    m_current = 0;
    load();
}

AlertsDialog::~AlertsDialog() = default;

QJsonObject AlertsDialog::rule(int row) const
{
    const QJsonArray &alerts = m_doc->project().alerts;
    return row >= 0 && row < alerts.size() ? alerts.at(row).toObject() : QJsonObject();
}

void AlertsDialog::selectRule(int row)
{
    m_ui->rules->setCurrentRow(row);
}

void AlertsDialog::push(const QJsonArray &alerts, const QString &text, const QString &mergeKey)
{
    if (alerts == m_doc->project().alerts)
        return;
    m_doc->undoStack()->push(new EditAlertsCommand(m_doc, alerts, text, mergeKey));
}

void AlertsDialog::editRule(const QString &what, const QString &field,
                            const std::function<void(QJsonObject &)> &edit)
{
    const QJsonArray before = m_doc->project().alerts;
    if (m_loading || m_current < 0 || m_current >= before.size())
        return;
    QJsonObject r = before.at(m_current).toObject();
    edit(r);
    QJsonArray after = before;
    after.replace(m_current, r);
    push(after, tr("Edit %1 of alert %2").arg(what, r.value(QLatin1String("name")).toString()),
         field.isEmpty() ? QString() : QStringLiteral("alert:%1:%2").arg(m_current).arg(field));
}

void AlertsDialog::addRule()
{
    QJsonArray alerts = m_doc->project().alerts;
    QStringList names;
    for (const QJsonValue &r : alerts)
        names << r.toObject().value(QLatin1String("name")).toString();
    QString name = tr("run failed");
    for (int i = 2; names.contains(name); ++i)
        name = tr("run failed %1").arg(i);
    alerts.append(QJsonObject{{QStringLiteral("name"), name},
                              {QStringLiteral("when"), QStringLiteral("run_failed")},
                              {QStringLiteral("channels"), QJsonArray()}});
    m_current = int(alerts.size()) - 1;
    push(alerts, tr("Add alert %1").arg(name));
    m_ui->ruleName->setFocus();
    m_ui->ruleName->selectAll();
}

void AlertsDialog::removeRule()
{
    QJsonArray alerts = m_doc->project().alerts;
    if (m_current < 0 || m_current >= alerts.size())
        return;
    const QString name = rule(m_current).value(QLatin1String("name")).toString();
    alerts.removeAt(m_current);
    push(alerts, tr("Delete alert %1").arg(name));
}

void AlertsDialog::setChannel(int row, const QJsonObject &channel)
{
    const QString type =
        AlertChannelDialog::typeTitle(channel.value(QLatin1String("type")).toString());
    editRule(row < 0 ? tr("channels (add %1)").arg(type) : tr("channel %1").arg(type), QString(),
             [&](QJsonObject &r) {
                 QJsonArray channels = r.value(QLatin1String("channels")).toArray();
                 if (row < 0 || row >= channels.size())
                     channels.append(channel);
                 else
                     channels.replace(row, channel);
                 r.insert(QStringLiteral("channels"), channels);
             });
}

void AlertsDialog::removeChannel(int row)
{
    editRule(tr("channels (remove one)"), QString(), [&](QJsonObject &r) {
        QJsonArray channels = r.value(QLatin1String("channels")).toArray();
        if (row >= 0 && row < channels.size())
            channels.removeAt(row);
        r.insert(QStringLiteral("channels"), channels);
    });
}

void AlertsDialog::editChannel(int row)
{
    if (m_current < 0 || m_current >= m_doc->project().alerts.size())
        return;
    const QJsonArray channels = rule(m_current).value(QLatin1String("channels")).toArray();
    if (row >= channels.size())
        return;
    AlertChannelDialog dialog(row >= 0 ? channels.at(row).toObject() : QJsonObject(), this);
    if (dialog.exec() == QDialog::Accepted)
        setChannel(row, dialog.channel());
}

QStringList AlertsDialog::ruleProblems(const QJsonArray &alerts, int row, const Project &project)
{
    QStringList problems;
    const QJsonObject r = alerts.at(row).toObject();
    const QString name = r.value(QLatin1String("name")).toString();
    const QString when = r.value(QLatin1String("when")).toString();
    if (name.trimmed().isEmpty())
        problems << tr("The rule needs a name.");
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        if (i != row && !name.isEmpty() &&
            alerts.at(i).toObject().value(QLatin1String("name")).toString() == name) {
            problems << tr("Another rule is also named “%1”.").arg(name);
            break;
        }
    }
    if (!kWhen.contains(when))
        problems << tr("“%1” is no condition Weft knows.").arg(when);
    if (when == QLatin1String("no_success") && r.value(QLatin1String("minutes")).toInt() <= 0)
        problems << tr("Say after how many minutes without a successful run it fires.");
    for (const QJsonValue &s : r.value(QLatin1String("schemes")).toArray()) {
        if (!project.scheme(s.toString()))
            problems << tr("There is no scheme “%1” in the project.").arg(s.toString());
    }
    const QJsonArray channels = r.value(QLatin1String("channels")).toArray();
    if (channels.isEmpty())
        problems << tr("Add a channel: the rule has nobody to tell.");
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QJsonObject c = channels.at(i).toObject();
        const QString type = c.value(QLatin1String("type")).toString();
        QString problem = AlertChannelDialog::addressProblem(type, c.value(channelAddressKey(c)));
        if (problem.isEmpty() && c.contains(QLatin1String("secret"))) {
            const auto secret = SecretRef::fromJson(c.value(QLatin1String("secret")));
            const bool referenced =
                (secret && secret->kind == SecretRef::Kind::Env) ||
                c.value(QLatin1String("secret")).toString().startsWith(QLatin1String("${"));
            if (!referenced)
                problem = tr("its signing secret must be an environment variable.");
        }
        if (!problem.isEmpty())
            problems << tr("Channel %1 (%2): %3")
                            .arg(i + 1)
                            .arg(AlertChannelDialog::typeTitle(type), problem);
    }
    // Whatever else the engine would refuse, in its own words.
    AlertRule parsed;
    QStringList errors;
    if (problems.isEmpty() && !AlertRule::fromJson(r, &parsed, &errors))
        problems << errors;
    return problems;
}

void AlertsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        load();
    }
    QDialog::changeEvent(event);
}

void AlertsDialog::retranslate()
{
    const QStringList whenTexts = {
        tr("A run failed (aborted)"), tr("A run ended with more failed records than a threshold"),
        tr("No successful run for a while"), tr("A system refused the credentials")};
    for (int i = 0; i < m_ui->when->count(); ++i)
        m_ui->when->setItemText(i, whenTexts.value(i));
    m_ui->channels->setHorizontalHeaderLabels(
        {tr("Channel"), tr("Address"), tr("Signing secret"), tr("Last test")});
    m_ui->addRule->setText(tr("Add"));
    m_ui->removeRule->setText(tr("Remove"));
    m_ui->addChannel->setText(tr("Add…"));
    m_ui->editChannel->setText(tr("Edit…"));
    m_ui->removeChannel->setText(tr("Remove"));
    m_ui->undo->setText(tr("Undo"));
    m_ui->redo->setText(tr("Redo"));
    m_ui->buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
}

void AlertsDialog::load()
{
    const QJsonArray alerts = m_doc->project().alerts;
    m_loading = true;
    m_ui->rules->clear();
    for (qsizetype i = 0; i < alerts.size(); ++i) {
        const QJsonObject r = alerts.at(i).toObject();
        const QString name = r.value(QLatin1String("name")).toString();
        auto *item = new QListWidgetItem(name.isEmpty() ? tr("(no name)") : name, m_ui->rules);
        const bool ok = ruleProblems(alerts, int(i), m_doc->project()).isEmpty();
        item->setIcon(
            QIcon(ok ? QStringLiteral(":/icons/alert.svg") : QStringLiteral(":/icons/stop.svg")));
        item->setToolTip(ok ? QString() : tr("This rule cannot fire yet: see its problems."));
    }
    m_current = alerts.isEmpty() ? -1 : std::clamp(m_current, 0, int(alerts.size()) - 1);
    m_ui->rules->setCurrentRow(m_current);
    m_loading = false;
    loadRule();
}

void AlertsDialog::loadRule()
{
    const bool valid = m_current >= 0 && m_current < m_doc->project().alerts.size();
    m_ui->rulePane->setEnabled(valid);
    m_ui->removeRule->setEnabled(valid);
    const QJsonObject r = valid ? rule(m_current) : QJsonObject();
    m_loading = true;
    const QString name = r.value(QLatin1String("name")).toString();
    if (m_ui->ruleName->text() != name)
        m_ui->ruleName->setText(name);
    const QString when = r.value(QLatin1String("when")).toString(QStringLiteral("run_failed"));
    m_ui->when->setCurrentIndex(std::max(0, int(kWhen.indexOf(when))));
    m_ui->threshold->setValue(r.value(QLatin1String("threshold")).toInt(0));
    m_ui->minutes->setValue(r.value(QLatin1String("minutes")).toInt(kDefaultStaleMinutes));
    m_ui->quietMinutes->setValue(
        r.value(QLatin1String("quietMinutes")).toInt(kDefaultQuietMinutes));
    m_ui->ruleForm->setRowVisible(m_ui->threshold, when == QLatin1String("failed_records"));
    m_ui->ruleForm->setRowVisible(m_ui->minutes, when == QLatin1String("no_success"));
    fillSchemes(r);
    fillChannels(r);
    m_loading = false;
    showProblems();
}

void AlertsDialog::fillSchemes(const QJsonObject &rule)
{
    QStringList chosen;
    for (const QJsonValue &s : rule.value(QLatin1String("schemes")).toArray())
        chosen << s.toString();
    QList<CheckListEntry> entries;
    for (const Scheme &s : m_doc->project().schemes) {
        entries.append({s.name,
                        s.title.isEmpty() ? s.name : QStringLiteral("%1 — %2").arg(s.name, s.title),
                        chosen.contains(s.name), false});
    }
    for (const QString &name : std::as_const(chosen)) {
        if (!m_doc->project().scheme(name))
            entries.append({name, tr("%1 (no such scheme)").arg(name), true, true});
    }
    fillCheckList(m_ui->schemes, entries);
}

void AlertsDialog::fillChannels(const QJsonObject &rule)
{
    const QJsonArray channels = rule.value(QLatin1String("channels")).toArray();
    QTableWidget *table = m_ui->channels;
    const int selected = table->currentRow();
    table->setRowCount(int(channels.size()));
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QJsonObject c = channels.at(i).toObject();
        const QString type = c.value(QLatin1String("type")).toString();
        const QString address = AlertChannelDialog::describe(c.value(channelAddressKey(c)));
        const QString secret =
            c.contains(QLatin1String("secret"))
                ? AlertChannelDialog::describe(c.value(QLatin1String("secret")))
                : (type == QLatin1String("dingtalk") ? tr("(not signed)") : QString());
        const QString result = m_testRule == m_current ? m_results.value(i) : QString();
        const QStringList cells = {AlertChannelDialog::typeTitle(type), address, secret,
                                   result.isEmpty()                ? QString()
                                   : result == QLatin1String("ok") ? tr("✓ delivered")
                                                                   : tr("✗ %1").arg(result)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == TestColumn && !result.isEmpty())
                item->setForeground(result == QLatin1String("ok") ? QColor(0x2e7d32)
                                                                  : QColor(0xc62828));
            table->setItem(int(i), column, item);
        }
    }
    table->resizeColumnToContents(TypeColumn);
    table->resizeColumnToContents(AddressColumn);
    table->resizeColumnToContents(SecretColumn);
    if (selected >= 0 && selected < table->rowCount())
        table->selectRow(selected);
    m_ui->editChannel->setEnabled(!channels.isEmpty());
    m_ui->removeChannel->setEnabled(!channels.isEmpty());
}

void AlertsDialog::showProblems()
{
    const bool valid = m_current >= 0 && m_current < m_doc->project().alerts.size();
    const QStringList problems =
        valid ? ruleProblems(m_doc->project().alerts, m_current, m_doc->project()) : QStringList();
    m_ui->ruleProblems->setText(problems.join(u'\n'));
    m_ui->ruleProblems->setVisible(!problems.isEmpty());
    m_ui->sendTest->setEnabled(valid && problems.isEmpty() && !isTesting());
    if (!valid)
        m_ui->testStatus->setText(m_doc->project().alerts.isEmpty() ? tr("No rules yet: add one.")
                                                                    : QString());
    else if (!problems.isEmpty() && !isTesting())
        m_ui->testStatus->setText(tr("Fix the rule's problems to send a test."));
    else if (!isTesting() && m_testRule != m_current)
        m_ui->testStatus->setText(
            tr("Sends a test message through every channel of this rule, now."));
}

void AlertsDialog::clearTest()
{
    m_pending.clear();
    m_results.clear();
    m_testRule = -1;
    m_ui->testResults->clear();
}

void AlertsDialog::sendTest()
{
    if (m_current < 0 || m_current >= m_doc->project().alerts.size() || isTesting())
        return;
    const QJsonArray alerts = m_doc->project().alerts;
    if (!ruleProblems(alerts, m_current, m_doc->project()).isEmpty())
        return;
    clearTest();
    m_testRule = m_current;
    const QJsonObject r = rule(m_current);
    const QString name = r.value(QLatin1String("name")).toString();
    const QJsonArray channels = r.value(QLatin1String("channels")).toArray();
    m_results = QStringList(channels.size());
    // One request per channel, so each answer lands on its own row; the project as it is
    // now, unsaved edits included.
    for (qsizetype i = 0; i < channels.size(); ++i) {
        QJsonObject one = r;
        one.insert(QStringLiteral("channels"), QJsonArray{channels.at(i)});
        Project project = m_doc->project();
        project.alerts = QJsonArray{one};
        m_pending.insert(m_engine->sendTestAlert(project, name), int(i));
    }
    m_ui->testStatus->setText(tr("Sending…"));
    m_ui->sendTest->setEnabled(false);
    fillChannels(r);
}

void AlertsDialog::onTestAnswered(quint64 id, const QStringList &lines)
{
    if (!m_pending.contains(id))
        return;
    const int row = m_pending.take(id);
    // "rule / type: ok" — the rule and the type are this row's.
    const QString line = lines.value(0);
    const qsizetype colon = line.indexOf(QLatin1String(": "));
    m_results[row] = colon < 0 ? line : line.mid(colon + 2);
    if (isTesting())
        return;
    const qsizetype delivered = m_results.count(QStringLiteral("ok"));
    const QJsonArray channels = rule(m_testRule).value(QLatin1String("channels")).toArray();
    for (qsizetype i = 0; i < m_results.size(); ++i) {
        const QString type = channels.at(i).toObject().value(QLatin1String("type")).toString();
        const bool ok = m_results.at(i) == QLatin1String("ok");
        auto *item = new QListWidgetItem(
            tr("%1. %2: %3")
                .arg(i + 1)
                .arg(AlertChannelDialog::typeTitle(type), ok ? tr("delivered") : m_results.at(i)),
            m_ui->testResults);
        item->setForeground(ok ? QColor(0x2e7d32) : QColor(0xc62828));
    }
    m_ui->testStatus->setText(
        tr("%1 of %2 channel(s) delivered the test message.").arg(delivered).arg(m_results.size()));
    fillChannels(rule(m_testRule));
    showProblems();
    Q_EMIT testFinished(m_results);
}

} // namespace weft
