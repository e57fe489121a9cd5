#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <functional>
#include <memory>

namespace Ui {
class AlertsDialog;
}

namespace weft {

class EngineHost;
class ProjectDocument;
struct Project;

/// The project's alert rules (`alerts`, docs/operations.md): a list of rules, the selected
/// rule's condition, schemes and quiet period, and its channels (DingTalk and WeCom group
/// robots, JSON webhooks — addresses and secrets only as variable references). Every change
/// is an undo command on the document's stack, so the dialog stays open beside the window.
/// "Send test alert" sends through each channel of the rule on the engine thread
/// (AlertManager::sendTest) and shows each channel's answer.
class AlertsDialog final : public QDialog
{
    Q_OBJECT
public:
    AlertsDialog(ProjectDocument *doc, EngineHost *engine, QWidget *parent = nullptr);
    ~AlertsDialog() override;

    int currentRule() const { return m_current; }
    void selectRule(int row);
    void addRule();
    void removeRule();
    /// Replaces channel `row` of the current rule (row < 0: appends) as one undo step.
    void setChannel(int row, const QJsonObject &channel);
    void removeChannel(int row);
    /// Opens the channel dialog for channel `row` of the current rule (row < 0: a new one).
    void editChannel(int row);

    /// Sends a test message through each channel of the current rule.
    void sendTest();
    bool isTesting() const { return !m_pending.isEmpty(); }
    /// The last test's answer per channel of the current rule ("ok" or why not).
    QStringList testResults() const { return m_results; }

    /// What is wrong with a rule: AlertRule::fromJson's findings, addresses that would hold a
    /// secret, unknown schemes and names used twice. Empty when it can fire.
    static QStringList ruleProblems(const QJsonArray &alerts, int row, const Project &project);

Q_SIGNALS:
    /// Every channel of a test answered (one entry per channel, in channel order).
    void testFinished(const QStringList &results);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void loadRule();
    void fillSchemes(const QJsonObject &rule);
    void fillChannels(const QJsonObject &rule);
    void showProblems();
    void retranslate();
    QJsonObject rule(int row) const;
    void push(const QJsonArray &alerts, const QString &text, const QString &mergeKey = QString());
    void editRule(const QString &what, const QString &field,
                  const std::function<void(QJsonObject &)> &edit);
    void onTestAnswered(quint64 id, const QStringList &lines);
    void clearTest();

    std::unique_ptr<Ui::AlertsDialog> m_ui;
    ProjectDocument *m_doc;
    EngineHost *m_engine;
    int m_current = -1;
    bool m_loading = false;
    QHash<quint64, int> m_pending; ///< test request → channel row
    QStringList m_results;
    int m_testRule = -1;
};

} // namespace weft
