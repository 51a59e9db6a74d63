"""Messages about printed training certificates: issuing, revoking, verifying.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # verdicts (core/certificates.py Reason)
    "cert.verdict.genuine": ("真实有效的培训合格证书", "a genuine training certificate"),
    "cert.verdict.revoked": (
        "此证书已作废：{reason}",
        "this certificate has been revoked: {reason}",
    ),
    "cert.verdict.unknown_key": (
        "签发此证书的密钥未知，无法确认真伪（可先同步再核验）",
        "the key that signed this certificate is not known here (sync, then try again)",
    ),
    "cert.verdict.key_revoked": (
        "签发此证书的设备密钥已停用，停用后签发的证书无效",
        "the device key that signed this certificate was revoked; "
        "certificates it signed after that are not valid",
    ),
    "cert.verdict.foreign_key": (
        "签名密钥不属于证书上的机构，证书不真实",
        "the signing key belongs to another institution than the certificate names",
    ),
    "cert.verdict.altered": (
        "证书内容与签名不符，已被改动或伪造",
        "the certificate does not match its signature: altered or forged",
    ),
    "cert.verdict.malformed": (
        "这不是本系统的证书二维码，或内容不完整",
        "this is not a certificate code of this system, or it is incomplete",
    ),
    # issuing and revoking (services/certificates.py)
    "cert.no_server": (
        "本机未注册到中心服务器，证书二维码无处核验。请先注册同步，或设置核验网址"
        "（mzdesk certificates server 网址）",
        "this device is not enrolled with a central server, so a certificate's QR code has "
        "nowhere to be verified. Enrol for sync first, or set a verify address "
        "(mzdesk certificates server URL)",
    ),
    "cert.bad_server": (
        "核验网址须以 https:// 或 http:// 开头，只含字母、数字和 .-:/",
        "the verify address must start with https:// or http:// and hold only letters, "
        "digits and .-:/",
    ),
    "cert.already_revoked": (
        "证书 {serial} 此前已作废（{when}，原因：{reason}），未做改动",
        "certificate {serial} was already revoked ({when}: {reason}); nothing changed",
    ),
    "cert.reason_required": ("请填写作废原因", "give a reason for revoking"),
    "cert.not_found": ("没有编号为 {serial} 的证书", "no certificate has serial {serial}"),
    "cert.key_not_found": ("没有编号为 {key_id} 的签名密钥", "no signing key has id {key_id}"),
    "cert.cancelled": ("已取消", "cancelled"),
    # the CLI (cli/certificates.py)
    "cli.cert.issued": (
        "已签发 {issued} 份新证书，共打印 {printed} 份：{path}",
        "issued {issued} new certificates, printed {printed}: {path}",
    ),
    "cli.cert.none": ("这次培训没有考核合格的参训人员", "nobody passed this training session"),
    "cli.cert.revoked": ("证书 {serial} 已作废", "certificate {serial} revoked"),
    "cli.cert.server_set": ("证书核验网址：{url}", "certificate verify address: {url}"),
    "cli.cert.which_institution": (
        "请用 --institution 指明机构（找不到「{name}」，或数据库中有多家机构）",
        "name the institution with --institution (「{name}」 not found, or several institutions)",
    ),
    "cli.cert.settings": (
        "{institution} 的证书：身份证号{id_number}；累计学时：{hours}；颁发单位：{issuer}",
        "certificates of {institution}: ID number {id_number}; cumulative hours: {hours}; "
        "issuer: {issuer}",
    ),
    "cli.cert.full_id": ("完整显示", "in full"),
    "cli.cert.masked_id": ("隐去中间部分", "masked"),
    "cli.cert.yes": ("印", "printed"),
    "cli.cert.no": ("不印", "not printed"),
    "cli.cert.not_revoked": (
        "证书 {serial} 仍然有效，无需重新签发（有误请先作废）",
        "certificate {serial} is still valid: revoke it first if it is wrong",
    ),
    "cli.cert.already_reissued": (
        "证书 {serial} 已重新签发过，请打印新证书",
        "certificate {serial} was already reissued: print the new one",
    ),
    "cli.cert.reissued": (
        "已为作废的证书 {serial} 重新签发：{new}（用 mzdesk print certificates 打印）",
        "reissued revoked certificate {serial} as {new} (print it with mzdesk print certificates)",
    ),
    "cli.cert.bad_session": ("培训编号无效：{value}", "not a training session id: {value}"),
}
