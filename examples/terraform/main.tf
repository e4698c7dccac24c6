# The configuration that TerraformReplayIT replays call for call: an instance with one data disk and
# tags, an elastic IP with tags bound to it, and the three data sources they are chosen from.
# Point the provider at localcvm through the environment (see README.md next to this file).

terraform {
  required_providers {
    tencentcloud = {
      source = "tencentcloudstack/tencentcloud"
    }
  }
}

provider "tencentcloud" {
  region = "ap-guangzhou"
  # secret_id, secret_key, protocol and domain come from TENCENTCLOUD_* variables.
}

locals {
  zone = "ap-guangzhou-3"
}

data "tencentcloud_availability_zones_by_product" "cvm" {
  product = "cvm"
}

data "tencentcloud_images" "tencentos" {
  image_type = ["PUBLIC_IMAGE"]
  os_name    = "TencentOS"
}

data "tencentcloud_instance_types" "s5" {
  availability_zone = local.zone
  cpu_core_count    = 2
  memory_size       = 4
  exclude_sold_out  = true

  filter {
    name   = "instance-family"
    values = ["S5"]
  }

  filter {
    name   = "instance-charge-type"
    values = ["POSTPAID_BY_HOUR"]
  }
}

resource "tencentcloud_instance" "web" {
  availability_zone          = local.zone
  image_id                   = data.tencentcloud_images.tencentos.images[0].image_id
  instance_type              = data.tencentcloud_instance_types.s5.instance_types[0].instance_type
  instance_charge_type       = "POSTPAID_BY_HOUR"
  system_disk_type           = "CLOUD_PREMIUM"
  system_disk_size           = 50
  allocate_public_ip         = true
  internet_charge_type       = "TRAFFIC_POSTPAID_BY_HOUR"
  internet_max_bandwidth_out = 10
  disable_api_termination    = false

  data_disks {
    data_disk_type       = "CLOUD_PREMIUM"
    data_disk_size       = 100
    delete_with_instance = true
    encrypt              = false
  }

  tags = {
    env  = "localcvm"
    team = "infra"
  }
}

resource "tencentcloud_eip" "web" {
  name                       = "localcvm-eip"
  internet_charge_type       = "TRAFFIC_POSTPAID_BY_HOUR"
  internet_max_bandwidth_out = 10

  tags = {
    env = "localcvm"
  }
}

resource "tencentcloud_eip_association" "web" {
  eip_id      = tencentcloud_eip.web.id
  instance_id = tencentcloud_instance.web.id
}

output "zones" {
  value = data.tencentcloud_availability_zones_by_product.cvm.zones[*].name
}

output "public_ip" {
  value = tencentcloud_eip.web.public_ip
}
