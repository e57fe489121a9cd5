#pragma once

#include <QDialog>
#include <QJsonObject>
#include <memory>

namespace Ui {
class AlertChannelDialog;
}

namespace weft {

/// One channel of an alert rule: a DingTalk group robot (signed with a secret), a WeCom group
/// robot or a generic JSON webhook. The robots' addresses carry access tokens, so they are
/// only ever held as references — an environment variable ({"env": NAME}) or a URL with
/// ${VARIABLE} parts — and OK stays disabled while the address would put a secret into the
/// project.
class AlertChannelDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AlertChannelDialog(const QJsonObject &channel = {}, QWidget *parent = nullptr);
    ~AlertChannelDialog() override;

    /// The channel as the project will hold it (other keys of the original are kept).
    QJsonObject channel() const;
    /// Why the channel cannot be kept as it is ("" when it can).
    QString problem() const { return m_problem; }

    void setType(const QString &type);
    /// true: the address is the name of a variable holding the URL; false: URL text.
    void setAddressFromVariable(bool variable);
    void setAddress(const QString &text);
    void setSecretVariable(const QString &name);

    /// "DingTalk group robot", … for "dingtalk", "wecom", "webhook".
    static QString typeTitle(const QString &type);
    /// An address or secret as it may be shown: references by name, secret-looking URL
    /// parameters masked.
    static QString describe(const QJsonValue &value);
    /// Why an address would put a secret (or nothing usable) into the project; "" if fine.
    static QString addressProblem(const QString &type, const QJsonValue &address);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    QString addressKey() const;

    std::unique_ptr<Ui::AlertChannelDialog> m_ui;
    QJsonObject m_original;
    QString m_problem;
};

} // namespace weft
