#include "widgets/mainwindow/scheduleeditor.h"

#include "core/engine/scheduler.h"
#include "core/model/cronexpression.h"
#include "core/state/statestore.h"
#include "ui_scheduleeditor.h"
#include "widgets/common/checklist.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/stateservice.h"

#include <QEvent>
#include <QListWidget>
#include <QLocale>
#include <QTimeZone>
#include <QTimer>

namespace weft {

namespace {

constexpr int kNextRunCount = 5;
constexpr const char *kGood = "color: #2e7d32";
constexpr const char *kBad = "color: #c62828";
constexpr const char *kQuiet = "color: #607d8b";

QTimeZone projectZone(const Project &project)
{
    const QTimeZone zone(project.timeZone.toUtf8());
    return zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

} // namespace

ScheduleEditor::ScheduleEditor(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ScheduleEditor>())
    , m_doc(doc)
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("scheduleEditor"));
    m_ui->setupUi(this);
    m_ui->cronStatus->setTextFormat(Qt::PlainText);
    m_ui->nextRuns->setTextFormat(Qt::PlainText);
    m_ui->nextRunsNote->setTextFormat(Qt::PlainText);
    m_ui->cronHint->setStyleSheet(QLatin1String(kQuiet));
    m_ui->afterHint->setStyleSheet(QLatin1String(kQuiet));
    connectEditors();
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName == m_scheme)
                    m_scheme = newName;
                load(); // another scheme's name or title shows in "after"
            });
    connect(doc, &ProjectDocument::schemeInserted, this, &ScheduleEditor::load);
    connect(doc, &ProjectDocument::schemeRemoved, this, &ScheduleEditor::load);
    connect(doc, &ProjectDocument::infoChanged, this, &ScheduleEditor::updatePreview); // zone
    connect(doc, &ProjectDocument::projectReset, this, [this] {
        m_lastRun = QDateTime();
        load();
    });
    // The next run times move on with the clock.
    m_clock->setInterval(30000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        if (isVisible())
            updatePreview();
    });
    m_clock->start();
}

ScheduleEditor::~ScheduleEditor() = default;

void ScheduleEditor::setStateService(StateService *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (state)
        connect(state, &StateService::changed, this, &ScheduleEditor::queryLastRun);
    queryLastRun();
}

void ScheduleEditor::setScheme(const QString &name)
{
    if (name != m_scheme)
        m_lastRun = QDateTime();
    m_scheme = name;
    load();
    queryLastRun();
}

void ScheduleEditor::setReferenceTime(const QDateTime &time)
{
    m_referenceTime = time;
    updatePreview();
}

void ScheduleEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        load();
    }
    QWidget::changeEvent(event);
}

void ScheduleEditor::queryLastRun()
{
    if (!m_state || m_scheme.isEmpty())
        return;
    const quint64 generation = ++m_lastRunQuery;
    const QString scheme = m_scheme;
    m_state->query<QDateTime>(
        this,
        [scheme](StateStore *store) {
            const auto last = store ? store->lastRun(scheme) : std::nullopt;
            return last ? last->startedAt : QDateTime();
        },
        [this, generation, scheme](const QDateTime &startedAt) {
            if (generation != m_lastRunQuery || scheme != m_scheme)
                return; // a newer question is on its way
            m_lastRun = startedAt;
            updatePreview();
        });
}

void ScheduleEditor::load()
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    setEnabled(s != nullptr);
    if (!s)
        return;
    m_loading = true;
    const Schedule &schedule = s->schedule;
    m_ui->scheduleKind->setCurrentIndex(int(schedule.kind));
    m_ui->intervalMinutes->setValue(std::max(1, schedule.intervalMinutes));
    if (m_ui->cron->text().trimmed() != schedule.cron)
        m_ui->cron->setText(schedule.cron);
    QFormLayout *form = m_ui->scheduleForm;
    form->setRowVisible(m_ui->intervalMinutes, schedule.kind == Schedule::Kind::Interval);
    form->setRowVisible(m_ui->cron, schedule.kind == Schedule::Kind::Cron);
    form->setRowVisible(m_ui->cronStatus, schedule.kind == Schedule::Kind::Cron);
    form->setRowVisible(m_ui->cronHint, schedule.kind == Schedule::Kind::Cron);
    fillAfter(*s);
    m_loading = false;
    updatePreview();
}

void ScheduleEditor::fillAfter(const Scheme &scheme)
{
    const Project &p = m_doc->project();
    QList<CheckListEntry> entries;
    for (const Scheme &other : p.schemes) {
        if (other.name == scheme.name)
            continue;
        entries.append({other.name,
                        other.title.isEmpty()
                            ? other.name
                            : QStringLiteral("%1 — %2").arg(other.name, other.title),
                        scheme.schedule.after.contains(other.name), false});
    }
    // A name that is no scheme (any more) stays visible, so unchecking removes it.
    for (const QString &name : scheme.schedule.after) {
        if (p.scheme(name) && name != scheme.name)
            continue;
        entries.append({name,
                        name == scheme.name ? tr("%1 (itself)").arg(name)
                                            : tr("%1 (no such scheme)").arg(name),
                        true, true});
    }
    fillCheckList(m_ui->after, entries, tr("(no other scheme in this project)"));
}

void ScheduleEditor::edit(const QString &what, const QString &key,
                          const std::function<void(Scheme &)> &f)
{
    if (m_loading || m_scheme.isEmpty())
        return;
    pushSchemeEdit(m_doc, m_scheme, tr("Edit %1 of %2").arg(what, m_scheme), f,
                   key.isEmpty() ? QString() : QStringLiteral("scheme:%1:%2").arg(m_scheme, key));
}

void ScheduleEditor::connectEditors()
{
    connect(m_ui->scheduleKind, &QComboBox::activated, this, [this](int index) {
        edit(tr("schedule"), QString(), [&](Scheme &s) {
            s.schedule.kind = Schedule::Kind(index);
            if (s.schedule.kind == Schedule::Kind::Interval && s.schedule.intervalMinutes <= 0)
                s.schedule.intervalMinutes = m_ui->intervalMinutes->value();
        });
    });
    connect(m_ui->intervalMinutes, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("interval"), QStringLiteral("interval"),
             [&](Scheme &s) { s.schedule.intervalMinutes = v; });
    });
    connect(m_ui->cron, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit(tr("cron"), QStringLiteral("cron"), [&](Scheme &s) { s.schedule.cron = t.trimmed(); });
    });
    connect(m_ui->after, &QListWidget::itemChanged, this, [this] {
        if (m_loading)
            return;
        const QStringList names = checkedKeys(m_ui->after);
        edit(tr("run after"), QString(), [&](Scheme &s) { s.schedule.after = names; });
    });
}

void ScheduleEditor::updatePreview()
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    if (!s) {
        m_nextRuns.clear();
        m_ui->nextRuns->clear();
        m_ui->nextRunsNote->clear();
        return;
    }
    const Schedule &schedule = s->schedule;
    const QDateTime now =
        m_referenceTime.isValid() ? m_referenceTime : QDateTime::currentDateTimeUtc();
    const QTimeZone zone = projectZone(m_doc->project());
    const QLocale locale;

    // The cron text, checked as it is typed.
    m_cronValid = true;
    if (schedule.kind == Schedule::Kind::Cron) {
        const CronExpression cron = CronExpression::parse(schedule.cron);
        m_cronValid = cron.isValid();
        if (schedule.cron.isEmpty()) {
            m_cronValid = false;
            m_ui->cronStatus->setText(tr("Type a cron expression: until then the scheme only "
                                         "runs when started by hand."));
            m_ui->cronStatus->setStyleSheet(QLatin1String(kQuiet));
        } else if (!cron.isValid()) {
            m_ui->cronStatus->setText(tr("✗ %1").arg(cron.error()));
            m_ui->cronStatus->setStyleSheet(QLatin1String(kBad));
        } else {
            m_ui->cronStatus->setText(tr("✓ A valid cron expression."));
            m_ui->cronStatus->setStyleSheet(QLatin1String(kGood));
        }
    }
    m_ui->cron->setStyleSheet(m_cronValid ? QString()
                                          : QStringLiteral("QLineEdit { color: #c62828 }"));

    m_nextRuns = Scheduler::nextRuns(*s, now, kNextRunCount, zone, m_lastRun);
    QStringList lines;
    for (const QDateTime &t : std::as_const(m_nextRuns)) {
        const QString when =
            locale.toString(t.toTimeZone(zone), QStringLiteral("ddd yyyy-MM-dd HH:mm"));
        lines << (t <= now ? tr("%1 (due now)").arg(when) : when);
    }
    QStringList notes;
    if (!lines.isEmpty())
        notes << tr("Times in %1.").arg(QString::fromUtf8(zone.id()));
    if (schedule.kind == Schedule::Kind::Interval) {
        notes << (m_lastRun.isValid()
                      ? tr("Counted from the start of the last run, %1.")
                            .arg(locale.toString(m_lastRun.toTimeZone(zone),
                                                 QStringLiteral("yyyy-MM-dd HH:mm")))
                      : tr("It never ran: due as soon as weft-run serve starts."));
    }
    if (lines.isEmpty() && schedule.kind == Schedule::Kind::Manual)
        lines << tr("Only when started by hand.");
    else if (lines.isEmpty() && schedule.kind == Schedule::Kind::Cron)
        lines << tr("None: the cron expression is empty, invalid or never matches.");
    if (!schedule.after.isEmpty())
        notes << tr("Also after each successful run of %1.")
                     .arg(QLocale().createSeparatedList(schedule.after));
    if (!s->enabled)
        notes << tr("The scheme is disabled: weft-run serve does not run it.");
    m_ui->nextRuns->setText(lines.join(u'\n'));
    // Sentences: a space between them, none after a full-width stop.
    const QString note =
        notes.join(locale.language() == QLocale::Chinese ? QString() : QStringLiteral(" "));
    m_ui->nextRunsNote->setText(note);
    m_ui->nextRunsNote->setStyleSheet(QLatin1String(s->enabled ? kQuiet : kBad));
    m_ui->scheduleForm->setRowVisible(m_ui->nextRunsNote, !note.isEmpty());
    Q_EMIT previewUpdated();
}

} // namespace weft
