"""KIS response envelopes: message catalogue, msg1 padding, errors and number formatting."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MSG_WIDTH = 80  # msg1 is right-padded to 80 bytes of CP949 on account inquiries

# msg_cd -> (msg1, padded?). Account inquiries (KIOK…) come back space-padded, quotations and
# order acks do not (samples/*.json and the workbook response examples).
MESSAGES: dict[str, tuple[str, bool]] = {
    "KIOK0510": ("조회가 완료되었습니다", True),
    "KIOK0460": ("조회 되었습니다. (마지막 자료)", True),
    "KIOK0490": ("조회가 계속됩니다", True),
    "KIOK0500": ("조회가 계속됩니다..다음버튼을 Click 하십시오.", True),
    "KIOK0420": ("정상적으로 조회되었습니다", True),
    "KIOK0530": ("조회되었습니다", True),
    "MCA00000": ("정상처리 되었습니다.", False),
    "APBK0013": ("주문 전송 완료 되었습니다.", False),
    "40600000": ("모의투자 매수주문이 완료 되었습니다.", False),
    # gateway
    "EGW00001": ("일시적 오류가 발생했습니다.", False),
    "EGW00002": ("서버 에러가 발생했습니다.", False),
    "EGW00102": ("AppKey는 필수입니다.", False),
    "EGW00103": ("유효하지 않은 AppKey입니다.", False),
    "EGW00104": ("AppSecret는 필수입니다.", False),
    "EGW00105": ("유효하지 않은 AppSecret입니다.", False),
    "EGW00121": ("유효하지 않은 token 입니다.", False),
    "EGW00123": ("기간이 만료된 token 입니다.", False),
    "EGW00133": ("접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)", False),
    "EGW00201": ("초당 거래건수를 초과하였습니다.", False),
    "EGW00205": ("credentials_type이 유효하지 않습니다.(Bearer)", False),
    # errors-and-limits.md §2.2 gives only the meaning ("invalid custtype"); the text is ours.
    "EGW00208": ("고객타입(custtype)이 유효하지 않습니다.", False),
    "EGW00213": ("모의투자 TR 이 아닙니다.", False),
    "EGW00215": ("원장에서 허용 가능한 초당 거래건수 초과", False),
    # request / processing
    "OPSQ0002": ("없는 서비스 코드 입니다", False),
    "OPSQ2000": ("ERROR : INPUT INVALID_CHECK_ACNO", False),
    "OPSQ2001": ("ERROR : INPUT_FIELD_NAME", False),
    "OPSQ9995": ("JSON PARSING ERROR : invalid json format", False),
    "90000000": ("모의투자에서는 해당업무가 제공되지 않습니다.", False),
    # order rejections
    "APBK0952": ("주문가능금액을 초과 했습니다", False),
    "APBK0919": ("장운영일자가 상이합니다.", False),
    "APBK0656": ("해당종목정보가 없습니다.", False),
    "APBK1664": ("해외주식 장운영시간이 아닙니다.", False),
    # errors-and-limits.md §2.4 gives only the meaning (python-kis: the order must be modified
    # through the US daytime modify API); the text is ours.
    "APBK0918": ("주간거래 주문은 주간거래 정정취소로 처리하십시오.", False),
    "40580000": ("모의투자 장종료 입니다.", False),
    # Synthetic codes for rejections whose real code no source captured (errors-and-limits.md
    # §2.4 suggests SIM…); the server can remap them (SimServer.code_map).
    "SIM00001": ("호가단위 오류 (SIM)", False),
    "SIM00002": ("가격제한폭 초과 (SIM)", False),
    "SIM00003": ("매도가능수량을 초과 했습니다 (SIM)", False),
    "SIM00004": ("주문수량을 확인 하여 주십시요.", False),
    "SIM00005": ("원주문번호가 존재하지 않습니다 (SIM)", False),
    "SIM00006": ("정정/취소 가능수량이 없습니다 (SIM)", False),
    "SIM00007": ("지원하지 않는 주문구분입니다 (SIM)", False),
    "SIM00008": ("조회할 자료가 없습니다", False),
    "SIM00009": ("주간거래 불가 종목입니다 (SIM)", False),
    "SIM00010": ("모의투자에서 매매할 수 없는 종목입니다 (SIM)", False),
    "SIM00011": ("취소만 가능한 시장입니다 (SIM)", False),
    "KIOK0560": ("조회할 내용이 없습니다", True),
}


def pad_msg(text: str, width: int = MSG_WIDTH) -> str:
    """Right-pad ``text`` with spaces to ``width`` bytes in CP949 (a Hangul char counts 2)."""
    size = len(text.encode("cp949", errors="replace"))
    return text + " " * max(0, width - size)


def message(msg_cd: str, override: str | None = None) -> str:
    text, padded = MESSAGES.get(msg_cd, (msg_cd, False))
    if override is not None:
        text = override
    return pad_msg(text) if padded else text


class KisError(Exception):
    """A business or gateway failure that becomes a KIS envelope (never a traceback)."""

    def __init__(
        self, msg_cd: str, msg1: str | None = None, *, rt_cd: str = "1", status: int = 200
    ) -> None:
        super().__init__(msg_cd)
        self.msg_cd = msg_cd
        self.msg1 = message(msg_cd, msg1)
        self.rt_cd = rt_cd
        self.status = status

    def body(self) -> dict[str, Any]:
        return {"rt_cd": self.rt_cd, "msg_cd": self.msg_cd, "msg1": self.msg1}


def gateway_error(msg_cd: str) -> KisError:
    """EGW… errors come back as HTTP 500 (errors-and-limits.md §1, simulator default)."""
    return KisError(msg_cd, status=500)


def field_error(name: str) -> KisError:
    return KisError("OPSQ2001", f"ERROR : INPUT_FIELD_NAME {name}")


class TokenError(Exception):
    """tokenP / revokeP / Approval failure in the token-error shape (no rt_cd)."""

    def __init__(self, code: str, description: str | None = None, status: int = 403) -> None:
        super().__init__(code)
        self.code = code
        self.description = description or MESSAGES.get(code, (code, False))[0]
        self.status = status

    def body(self) -> dict[str, str]:
        return {"error_code": self.code, "error_description": self.description}


@dataclass
class Reply:
    """A successful API answer before it is put on the wire."""

    body: dict[str, Any]
    msg_cd: str = "MCA00000"
    tr_cont: str = ""
    status: int = 200
    rt_cd: str = "0"
    msg1: str | None = None  # overrides the catalogue text (e.g. paper 매도 vs 매수)

    def envelope(self) -> dict[str, Any]:
        out = dict(self.body)
        out["rt_cd"] = self.rt_cd
        out["msg_cd"] = self.msg_cd
        out["msg1"] = message(self.msg_cd, self.msg1)
        return out


# ---- number formatting: every value on the wire is a string ----------------------------------


def q(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def s_int(value: Decimal | int) -> str:
    """Integer string (KRW amounts, quantities)."""
    return str(int(q(Decimal(value), 0)))


def s_dec(value: Decimal | int, places: int) -> str:
    return f"{q(Decimal(value), places):f}"


def s_rate(num: Decimal, den: Decimal, places: int = 2) -> str:
    """num/den as a percentage; "0.00…" when den is zero."""
    if den == 0:
        return s_dec(Decimal(0), places)
    return s_dec(num * 100 / den, places)


def pad_ctx(text: str, width: int) -> str:
    return text.ljust(width)[:width]
